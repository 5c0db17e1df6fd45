package fr.passerelle.reporting.audit.verify;

/**
 * The first link of a chain that does not hold, and why.
 *
 * @param position the link's place in the global chain (for a missing link, the place it had)
 * @param subject the dossier whose chain it is part of, when the row is there to say
 * @param subjectPosition its place in that dossier's chain (for a missing link, the place it had)
 * @param eventId the event of the row, when the row is there to say
 */
public record ChainBreak(
    Long position, String subject, Integer subjectPosition, String eventId, Reason reason) {

  /** What is wrong with the link. */
  public enum Reason {
    /** The row's content (or its link) is not what was chained: it was changed. */
    ALTERED,
    /** A row the chain needs is not there: it was deleted. */
    MISSING,
    /** The person's data is not what its digest says. */
    PERSON_DATA_ALTERED,
    /** The person's data is gone, and no erasure of the dossier's data says why. */
    PERSON_DATA_REMOVED,
    /** A published seal names a link the ledger no longer holds: rows were removed at its end. */
    TRUNCATED,
    /** A published seal does not match the chains recomputed from the ledger. */
    SEAL_MISMATCH
  }
}
