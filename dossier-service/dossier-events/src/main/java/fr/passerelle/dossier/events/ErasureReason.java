package fr.passerelle.dossier.events;

/** Why a person's data was, or will be, erased: a code, never the words of the request. */
public enum ErasureReason {
  /** The person exercised their right to erasure, confirmed by the préfecture. */
  PERSON_REQUEST,
  /** The association withdrew the draft: it will never be studied. */
  DRAFT_WITHDRAWN,
  /** The draft was never submitted within the retention period of drafts (3 months). */
  DRAFT_NOT_SUBMITTED,
  /**
   * The pathway ended (or was refused) and the retention period after the last contact (2 years,
   * the CNIL's reference for social support) has passed.
   */
  RETENTION_AFTER_LAST_CONTACT
}
