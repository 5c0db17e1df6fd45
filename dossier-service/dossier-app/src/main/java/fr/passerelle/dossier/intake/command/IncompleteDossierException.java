package fr.passerelle.dossier.intake.command;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.util.List;

/** A submission refused because of what the dossier lacks: every gap at once. */
public class IncompleteDossierException extends InvalidRequestException {

  private final List<Gap> gaps;

  public IncompleteDossierException(List<Gap> gaps) {
    super(gaps.stream().map(gap -> FieldError.of(gap.field(), gap.message())).toList());
    this.gaps = List.copyOf(gaps);
  }

  public List<Gap> gaps() {
    return gaps;
  }
}
