package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;
import java.util.List;

/** The AFIS scales in their succession: the one in force at the préfet's decision applies. */
public final class AfisScales {

  private final EffectiveDated<AfisScale> scales;

  public AfisScales(List<EffectiveDated.Entry<AfisScale>> scales) {
    this.scales = new EffectiveDated<>("AFIS scale", scales);
  }

  /** The monthly amount, in cents, for a household with {@code children} children. */
  public long monthlyAmountCents(LocalDate decidedOn, Territory territory, int children) {
    return scales.inForceOn(decidedOn).monthlyAmountCents(territory, children);
  }
}
