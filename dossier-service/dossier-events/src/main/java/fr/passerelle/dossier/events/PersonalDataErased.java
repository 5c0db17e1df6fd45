package fr.passerelle.dossier.events;

import java.time.LocalDate;

/**
 * The personal data of a dossier's person was erased: their data key was destroyed, so their
 * identity, contacts and the plan's notes can no longer be read anywhere, backups included. A
 * tombstone: it says when and why, never what was erased. Services that keep anything of the person
 * outside their event store (a motivation's words) erase it on this event; the dossier's history
 * (ids, codes, dates) stays.
 *
 * @param dossierId the dossier, also the record key and {@code ce_subject}
 * @param departmentCode the département of the dossier
 * @param erasedOn the day the data key was destroyed
 * @param reason why, as a code
 */
public record PersonalDataErased(
    String dossierId, String departmentCode, LocalDate erasedOn, ErasureReason reason) {

  public static final String TYPE = "passerelle.dossier.personal-data-erased.v1";
}
