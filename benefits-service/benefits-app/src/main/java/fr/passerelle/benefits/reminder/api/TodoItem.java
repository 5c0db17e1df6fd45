package fr.passerelle.benefits.reminder.api;

import java.time.LocalDate;

/**
 * One thing to do.
 *
 * @param subject the beneficiary's dossier id, or the month ({@code 2026-11}) of a payment run
 * @param dueOn by when: the permit's last day, the month's last day, the day asked
 * @param since the day it appeared on the list
 */
public record TodoItem(TodoKind kind, String subject, LocalDate dueOn, LocalDate since) {}
