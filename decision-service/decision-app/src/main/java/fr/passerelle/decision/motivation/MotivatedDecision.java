package fr.passerelle.decision.motivation;

/**
 * A command of the préfet that may carry a motivation (CRPA L211-2): free text that may name the
 * person, so it is kept beside the decision's events, never in them, in the command's own
 * transaction (decision-service's {@code MotivationKeeping}).
 */
public interface MotivatedDecision {

  String dossierId();

  String departmentCode();

  /** The decision, under which its motivation is kept. */
  String decisionId();

  /** The motivation, or {@code null}. */
  String motivation();

  /** What kind of decision it is, as the motivations' table records it. */
  String decision();
}
