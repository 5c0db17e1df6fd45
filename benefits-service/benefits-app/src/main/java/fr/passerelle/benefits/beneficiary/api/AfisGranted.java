package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;

/** Internal event: the AFIS was granted at the scale's monthly amount for the pathway's term. */
public record AfisGranted(
    String dossierId,
    String departmentCode,
    long monthlyAmountCents,
    Territory territory,
    LocalDate from,
    LocalDate until) {}
