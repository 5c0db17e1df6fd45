package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisRefusalReason;
import java.time.LocalDate;

/** Internal event: the AFIS was refused for the first condition the beneficiary does not meet. */
public record AfisRefused(
    String dossierId, String departmentCode, AfisRefusalReason reason, LocalDate decidedOn) {}
