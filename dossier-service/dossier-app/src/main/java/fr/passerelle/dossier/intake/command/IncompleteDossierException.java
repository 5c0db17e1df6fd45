package fr.passerelle.dossier.intake.command;

import java.util.List;

/** A submission refused because of what the dossier lacks: every gap at once. */
public class IncompleteDossierException extends RuntimeException {

  private final List<Gap> gaps;

  public IncompleteDossierException(List<Gap> gaps) {
    super("Incomplete dossier: " + gaps.stream().map(Gap::field).toList());
    this.gaps = List.copyOf(gaps);
  }

  public List<Gap> gaps() {
    return gaps;
  }
}
