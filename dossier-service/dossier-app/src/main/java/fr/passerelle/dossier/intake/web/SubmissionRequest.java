package fr.passerelle.dossier.intake.web;

import java.time.LocalDate;

/**
 * The submission of a dossier: the day the association submitted it, which may be past (a year
 * entered afterwards with its real dates); absent, today.
 */
record SubmissionRequest(LocalDate submittedOn) {}
