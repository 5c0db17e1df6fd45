package fr.passerelle.reporting.review.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PercentagesTest {

  @Test
  void aShareHasOneDecimal() {
    assertThat(Percentages.of(28, 270)).isEqualTo(new BigDecimal("10.4"));
    assertThat(Percentages.of(60, 270)).isEqualTo(new BigDecimal("22.2"));
  }

  @Test
  void aHalfIsRoundedUp() {
    assertThat(Percentages.of(1, 16)).isEqualTo(new BigDecimal("6.3"));
    assertThat(Percentages.of(1, 80)).isEqualTo(new BigDecimal("1.3"));
  }

  @Test
  void aWholeShareIsAHundredPercent() {
    assertThat(Percentages.of(7, 7)).isEqualTo(new BigDecimal("100.0"));
    assertThat(Percentages.of(0, 7)).isEqualTo(new BigDecimal("0.0"));
  }

  @Test
  void aShareOfNothingIsNoShare() {
    assertThat(Percentages.of(0, 0)).isNull();
  }

  @Test
  void aPartLargerThanTheWholeIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Percentages.of(3, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> Percentages.of(-1, 2));
  }
}
