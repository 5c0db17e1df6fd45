package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/**
 * What an authorisation or a renewal grants: term {@code termNumber}, from {@code startDate} to
 * {@code endDate} (both included), {@code totalMonths} over the pathway's terms.
 */
public record AuthorisedTerm(
    int termNumber, LocalDate startDate, LocalDate endDate, int totalMonths) {}
