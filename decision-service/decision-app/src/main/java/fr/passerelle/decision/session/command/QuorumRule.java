package fr.passerelle.decision.session.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The commission's quorum: the fraction of its members that must be present or represented for it
 * to sit on a first convocation (half, unless configured otherwise).
 *
 * @param fraction more than 0, at most 1
 */
public record QuorumRule(BigDecimal fraction) {

  public QuorumRule {
    Objects.requireNonNull(fraction, "fraction");
    if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("A quorum fraction is in ]0, 1]: " + fraction);
    }
  }

  /** How many members must be present or represented, rounded up: 10 of 20, 11 of 21. */
  public int required(int membersTotal) {
    return fraction
        .multiply(BigDecimal.valueOf(membersTotal))
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }

  public boolean isMet(int membersTotal, int membersPresent, int membersRepresented) {
    return membersPresent + membersRepresented >= required(membersTotal);
  }
}
