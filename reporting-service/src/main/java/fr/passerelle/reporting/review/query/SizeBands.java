package fr.passerelle.reporting.review.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many départements had no pathway in progress at the end of the period, 1 to 5, 6 to 10, 11 to
 * 20 or more than 20, counted over the 101 départements: those absent from the figures had none.
 */
public final class SizeBands {

  /** A band and the counts it covers. */
  public record Band(String label, long min, long max) {}

  private static final List<Band> BANDS =
      List.of(
          new Band("0", 0, 0),
          new Band("1-5", 1, 5),
          new Band("6-10", 6, 10),
          new Band("11-20", 11, 20),
          new Band("over-20", 21, Long.MAX_VALUE / 4));

  private SizeBands() {}

  /**
   * The number of départements in each band, in the bands' order, from the count of each
   * département that has some. A code that is not one of the 101 départements is left out.
   */
  public static Map<String, Long> of(Map<String, Long> byDepartment) {
    Map<String, Long> bands = new LinkedHashMap<>();
    BANDS.forEach(band -> bands.put(band.label(), 0L));
    for (String departement : Departements.ALL) {
      long count = byDepartment.getOrDefault(departement, 0L);
      bands.merge(bandOf(count).label(), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(bands);
  }

  /** The band of a count. */
  public static Band bandOf(long count) {
    return BANDS.stream()
        .filter(band -> count >= band.min() && count <= band.max())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Negative count: " + count));
  }
}
