package fr.passerelle.audit.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * reporting-service sealed a day of its audit ledger: the history it received up to the end of
 * {@code day} (Paris time) is the one these links conclude. Published on the bus, out of reach of
 * anyone who can only change the database, so that a history rewritten afterwards, links and all,
 * no longer matches what was sealed. Hashes only: nothing of any dossier.
 *
 * @param day the day sealed
 * @param lastPosition the global chain's last link by the end of the day (its place, from 1); 0
 *     when nothing was received yet
 * @param lastLink that link, SHA-256 in lower-case hex (64 zeros when nothing was received yet)
 * @param subjects how many dossier (subject) chains there were then
 * @param subjectsDigest SHA-256, in hex, of every subject chain's last link then, by subject
 * @param sealedAt when reporting-service sealed it
 */
public record HistorySealed(
    LocalDate day,
    long lastPosition,
    String lastLink,
    int subjects,
    String subjectsDigest,
    Instant sealedAt) {

  public static final String TYPE = "passerelle.audit.history-sealed.v1";
}
