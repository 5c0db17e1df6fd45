package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.Territory;
import fr.passerelle.edge.refusal.ConflictException;
import java.time.YearMonth;

/**
 * No AFIS scale was in force in a month the platform is asked to pay or assess: never a silent
 * amount, the configuration lacks the text.
 */
public class NoAfisScaleException extends ConflictException {

  private final YearMonth month;

  public NoAfisScaleException(Territory territory, YearMonth month) {
    super(
        "Aucun barème de l'AFIS n'est en vigueur le 1er %s (%s) : aucun montant ne peut être calculé pour ce mois."
            .formatted(month, territory == Territory.MAYOTTE ? "Mayotte" : "métropole"));
    this.month = month;
  }

  public YearMonth month() {
    return month;
  }
}
