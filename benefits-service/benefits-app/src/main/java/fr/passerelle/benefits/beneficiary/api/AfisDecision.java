package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.AfisRefusalReason;
import java.util.List;

/**
 * The préfet's decision on an AFIS request, as the decision's command answers it.
 *
 * @param refusalReasons every unmet condition; empty when granted
 */
public record AfisDecision(boolean granted, List<AfisRefusalReason> refusalReasons) {

  public AfisDecision {
    refusalReasons = List.copyOf(refusalReasons);
  }
}
