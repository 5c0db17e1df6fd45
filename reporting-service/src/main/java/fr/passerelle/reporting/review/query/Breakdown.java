package fr.passerelle.reporting.review.query;

/**
 * A département's counts by a code (nationality, reason...): each code's count is a cell; the codes
 * of a breakdown that splits a count add up to it. No review publishes France's by code: the sums
 * stay a tree, on which the audit of secondary suppression is exact (ADR 34).
 */
public enum Breakdown {
  VALIDATED_BY_NATIONALITY("validatedByNationality", Count.VALIDATED),
  /** AFIS refusals by the reason of each dossier's last refusal. */
  AFIS_REFUSALS_BY_REASON("afisRefusalsByReason", Count.AFIS_REFUSALS);

  private final String field;
  private final Count splits;

  Breakdown(String field, Count splits) {
    this.field = field;
    this.splits = splits;
  }

  public String field() {
    return field;
  }

  /** The count whose dossiers it splits by code, if it splits one. */
  public Count splits() {
    return splits;
  }
}
