package fr.passerelle.reporting.review.query;

/**
 * A département's counts by a code (nationality, reason...): each code's count is a cell; the codes
 * of a breakdown that splits a count add up to it, those of one that does not (a dossier may hold
 * several codes) are each no larger than the count they are among. No review publishes France's by
 * code: the sums stay a tree, on which the audit of secondary suppression is exact (ADR 34).
 */
public enum Breakdown {
  VALIDATED_BY_NATIONALITY("validatedByNationality", Count.VALIDATED, null),
  /** AFIS refusals by the reason of each dossier's last refusal (its first unmet condition). */
  AFIS_REFUSALS_BY_REASON("afisRefusalsByReason", Count.AFIS_REFUSALS, null),
  /** AFIS refusals by each condition their last refusal found unmet: one refusal, every reason. */
  AFIS_REFUSALS_BY_CONDITION("afisRefusalsByCondition", null, Count.AFIS_REFUSALS),
  /** Beneficiaries by their housing step at the period's end. */
  BENEFICIARIES_BY_HOUSING_STEP(
      "beneficiariesByHousingStep", Count.BENEFICIARIES_WITH_HOUSING, null);

  private final String field;
  private final Count splits;
  private final Count among;

  Breakdown(String field, Count splits, Count among) {
    this.field = field;
    this.splits = splits;
    this.among = among;
  }

  public String field() {
    return field;
  }

  /** The count whose dossiers it splits by code, if it splits one. */
  public Count splits() {
    return splits;
  }

  /** The count each code's dossiers are among, for a breakdown whose codes overlap. */
  public Count among() {
    return among;
  }
}
