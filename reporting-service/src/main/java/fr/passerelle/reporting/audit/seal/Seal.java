package fr.passerelle.reporting.audit.seal;

import java.time.LocalDate;

/**
 * A day's seal of the ledger: where the global chain stood at the end of the day (Paris time), and
 * the digest of every subject chain's last link then.
 */
public record Seal(
    LocalDate day, long lastPosition, byte[] lastLink, int subjects, byte[] subjectsDigest) {}
