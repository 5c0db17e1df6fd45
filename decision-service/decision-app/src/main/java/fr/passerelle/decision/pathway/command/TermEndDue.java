package fr.passerelle.decision.pathway.command;

/** The deadline of a term: when it is due, term {@code termNumber} may end the pathway. */
public record TermEndDue(String dossierId, int termNumber) {

  /** The deadline's name. */
  public static final String NAME = "term-end";
}
