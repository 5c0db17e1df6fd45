package fr.passerelle.decision.session.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuorumRuleTest {

  @Test
  void halfOfAnOddMembershipIsRoundedUp() {
    assertThat(new QuorumRule(new BigDecimal("0.5")).required(21)).isEqualTo(11);
  }

  @Test
  void fractionIsExactNotFloatingPoint() {
    assertThat(new QuorumRule(new BigDecimal("0.3")).required(10)).isEqualTo(3);
  }

  @Test
  void representedMembersCountTowardsTheQuorum() {
    var twoThirds = new QuorumRule(new BigDecimal("0.667"));

    assertThat(twoThirds.isMet(20, 10, 4)).isTrue();
    assertThat(twoThirds.isMet(20, 10, 3)).isFalse();
  }

  @Test
  void fractionOutsideZeroToOneIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new QuorumRule(BigDecimal.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> new QuorumRule(new BigDecimal("1.5")));
  }
}
