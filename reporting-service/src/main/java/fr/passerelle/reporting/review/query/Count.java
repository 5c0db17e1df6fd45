package fr.passerelle.reporting.review.query;

/**
 * The counts of dossiers (people) a review publishes for each département and for France, as the
 * README's definitions say. Each is a cell of statistical secrecy; France's is the sum of the
 * départements'.
 */
public enum Count {
  VALIDATED("validated", null),
  REFUSED("refused", null),
  VALIDATED_TRAFFICKING_VICTIMS("validatedTraffickingVictims", VALIDATED),
  FIRST_REQUESTS_REGISTERED("firstRequestsRegistered", null),
  RENEWAL_REQUESTS_REGISTERED("renewalRequestsRegistered", null),
  PATHWAYS_RENEWED("pathwaysRenewed", null),
  RENEWALS_REFUSED("renewalsRefused", null),
  PATHWAYS_IN_PROGRESS("pathwaysInProgress", null),
  PEOPLE_ACCOMPANIED("peopleAccompanied", null),
  PATHWAYS_ENDED("pathwaysEnded", null),
  PERMITS_ISSUED("permitsIssued", null),
  PERMITS_RENEWED("permitsRenewed", PERMITS_ISSUED),
  PERMITS_IN_FORCE("permitsInForce", null),
  AFIS_RECIPIENTS("afisRecipients", null),
  AFIS_RECIPIENTS_AT_END("afisRecipientsAtEnd", AFIS_RECIPIENTS),
  AFIS_RECIPIENTS_PAID("afisRecipientsPaid", null),
  AFIS_REFUSALS("afisRefusals", null),
  BENEFICIARIES_IN_EMPLOYMENT("beneficiariesInEmployment", null),
  BENEFICIARIES_ON_CDI("beneficiariesOnCdi", BENEFICIARIES_IN_EMPLOYMENT),
  BENEFICIARIES_IN_TRAINING("beneficiariesInTraining", null),
  BENEFICIARIES_WITH_HOUSING("beneficiariesWithHousing", null);

  private final String field;
  private final Count among;

  Count(String field, Count among) {
    this.field = field;
    this.among = among;
  }

  /** Its name in the reviews and in the list of withheld cells. */
  public String field() {
    return field;
  }

  /** The count it is part of (victims among the validated...), if any. */
  public Count among() {
    return among;
  }
}
