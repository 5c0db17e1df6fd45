package fr.passerelle.benefits.events;

import java.time.LocalDate;

/** The AFIS was refused, with the first unmet condition. */
public record AfisRefused(
    String dossierId, String departmentCode, AfisRefusalReason reason, LocalDate decidedOn) {

  public static final String TYPE = "passerelle.benefits.afis-refused.v1";
}
