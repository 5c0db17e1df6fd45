package fr.passerelle.decision.events;

/**
 * Why the préfet refused a pathway, as a code: the free-text motivation stays in decision-service
 * (it may name the person).
 */
public enum RefusalReason {
  UNFAVOURABLE_OPINION,
  INCOMPLETE_PLAN,
  CONDITIONS_NOT_MET,
  OTHER
}
