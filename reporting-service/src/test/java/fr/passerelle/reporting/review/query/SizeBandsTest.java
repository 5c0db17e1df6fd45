package fr.passerelle.reporting.review.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SizeBandsTest {

  @Test
  void withoutAnyPathwayEveryDepartementIsInTheFirstBand() {
    assertThat(SizeBands.of(Map.of()))
        .containsExactly(
            Map.entry("0", 101L),
            Map.entry("1-5", 0L),
            Map.entry("6-10", 0L),
            Map.entry("11-20", 0L),
            Map.entry("over-20", 0L));
  }

  @Test
  void eachBandHoldsItsBounds() {
    Map<String, Long> validated =
        Map.of(
            "01", 1L, "02", 5L, "03", 6L, "04", 10L, "05", 11L, "06", 20L, "2A", 21L, "976", 148L);

    assertThat(SizeBands.of(validated))
        .containsExactly(
            Map.entry("0", 93L),
            Map.entry("1-5", 2L),
            Map.entry("6-10", 2L),
            Map.entry("11-20", 2L),
            Map.entry("over-20", 2L));
  }

  @Test
  void aCodeThatIsNoDepartementIsLeftOut() {
    assertThat(SizeBands.of(Map.of("975", 3L, "20", 4L))).containsEntry("0", 101L);
  }
}
