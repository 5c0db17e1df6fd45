package fr.passerelle.decision.pathway.api;

import java.time.LocalDate;

/**
 * Internal event: a renewal request that cannot be studied, for a coded reason; it goes on no
 * agenda.
 */
public record RenewalRequestDeclined(
    String dossierId,
    String departmentCode,
    String requestId,
    LocalDate requestedOn,
    DeclineReason reason) {

  /** Why a renewal request cannot be studied. */
  public enum DeclineReason {
    /** The pathway was never authorised, or its first request was refused. */
    PATHWAY_NOT_RUNNING,
    /** The pathway has ended. */
    PATHWAY_ENDED,
    /** Another renewal request of the pathway awaits its decision. */
    RENEWAL_ALREADY_PENDING,
    /** Its terms already total the maximum (24 months). */
    MAXIMUM_DURATION_REACHED
  }
}
