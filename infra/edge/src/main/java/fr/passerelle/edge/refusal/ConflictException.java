package fr.passerelle.edge.refusal;

/**
 * A rule of the procedure forbids the command in the state things are in (already decided, not on
 * the agenda, quorum not reached…). A 409 problem whose detail says which rule.
 */
public class ConflictException extends RefusedException {

  public ConflictException(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 409;
  }
}
