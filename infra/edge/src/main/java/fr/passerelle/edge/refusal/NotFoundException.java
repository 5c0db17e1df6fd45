package fr.passerelle.edge.refusal;

/**
 * What the caller names does not exist in the département they name (or at all: both are told the
 * same way, so a caller learns nothing of other départements). A 404 problem.
 */
public class NotFoundException extends RefusedException {

  public NotFoundException(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 404;
  }
}
