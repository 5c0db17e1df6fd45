package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.Territory;
import java.util.Objects;

/** The AFIS amounts of one decree: Mayotte has its own. */
public record AfisScale(AfisAmounts mainland, AfisAmounts mayotte) {

  public AfisScale {
    Objects.requireNonNull(mainland, "mainland");
    Objects.requireNonNull(mayotte, "mayotte");
  }

  public long monthlyAmountCents(Territory territory, int children) {
    return switch (territory) {
      case MAINLAND -> mainland.forChildren(children);
      case MAYOTTE -> mayotte.forChildren(children);
    };
  }
}
