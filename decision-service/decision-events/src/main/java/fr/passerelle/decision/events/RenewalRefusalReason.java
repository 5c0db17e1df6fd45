package fr.passerelle.decision.events;

/**
 * Why the préfet refused to renew a pathway, as a code: the motivation stays in decision-service.
 */
public enum RenewalRefusalReason {
  UNFAVOURABLE_OPINION,
  COMMITMENTS_NOT_KEPT,
  CONDITIONS_NO_LONGER_MET,
  OTHER
}
