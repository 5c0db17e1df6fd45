package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.util.Objects;

/** The outcome of an AFIS eligibility assessment: granted with an amount, or refused. */
public sealed interface AfisAssessment {

  record Granted(long monthlyAmountCents, Territory territory) implements AfisAssessment {

    public Granted {
      Objects.requireNonNull(territory, "territory");
    }
  }

  record Refused(AfisRefusalReason reason) implements AfisAssessment {

    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
