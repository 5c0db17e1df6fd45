package fr.passerelle.dossier.renewal.web;

import java.time.LocalDate;

/** The answer to a renewal request: its id, for the dossier it renews. */
public record RenewalRequestView(String requestId, String dossierId, LocalDate requestedOn) {}
