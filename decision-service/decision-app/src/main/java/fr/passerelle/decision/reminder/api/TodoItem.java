package fr.passerelle.decision.reminder.api;

import java.time.LocalDate;

/**
 * One thing to do about a pathway.
 *
 * @param subject the pathway's dossier id
 * @param dueOn by when: the last day of the term in force (a renewal, a renewal request), the
 *     session's day (the préfet's decision on a first request)
 * @param since the day it appeared on the list
 */
public record TodoItem(TodoKind kind, String subject, LocalDate dueOn, LocalDate since) {}
