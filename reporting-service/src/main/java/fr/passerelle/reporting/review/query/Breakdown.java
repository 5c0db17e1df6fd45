package fr.passerelle.reporting.review.query;

/**
 * A département's counts by a code (nationality, reason...): each code's count is a cell; the codes
 * of a breakdown that splits a count add up to it. The national review publishes France's by code
 * for the breakdowns that say so: each code's count of France is the sum of the départements'.
 */
public enum Breakdown {
  VALIDATED_BY_NATIONALITY("validatedByNationality", Count.VALIDATED, false),
  /** AFIS refusals by the reason of each dossier's last refusal, as the ministry counts them. */
  AFIS_REFUSALS_BY_REASON("afisRefusalsByReason", Count.AFIS_REFUSALS, true);

  private final String field;
  private final Count splits;
  private final boolean national;

  Breakdown(String field, Count splits, boolean national) {
    this.field = field;
    this.splits = splits;
    this.national = national;
  }

  /** Whether the national review publishes France's counts by code. */
  public boolean national() {
    return national;
  }

  public String field() {
    return field;
  }

  /** The count whose dossiers it splits by code, if it splits one. */
  public Count splits() {
    return splits;
  }
}
