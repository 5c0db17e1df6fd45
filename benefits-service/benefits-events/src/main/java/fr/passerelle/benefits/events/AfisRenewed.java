package fr.passerelle.benefits.events;

import java.time.LocalDate;

/**
 * The pathway was renewed: the AFIS goes on for the renewed period.
 *
 * @param decidedOn the day of the préfet's renewal of the pathway
 * @param until last day of the renewed authorisation
 */
public record AfisRenewed(
    String dossierId, String departmentCode, LocalDate decidedOn, LocalDate until) {

  public static final String TYPE = "passerelle.benefits.afis-renewed.v1";
}
