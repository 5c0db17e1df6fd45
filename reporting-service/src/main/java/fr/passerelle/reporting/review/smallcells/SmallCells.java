package fr.passerelle.reporting.review.smallcells;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Statistical secrecy for figures that leave a département's own staff: no count of 1 to k−1 people
 * is published (primary suppression), and no withheld count can be recovered from what is published
 * (secondary suppression).
 *
 * <ol>
 *   <li>Every cell from 1 to k−1 is withheld. Zeros are published: they single nobody out.
 *   <li>A sum with exactly one withheld member would give it away: another member is withheld with
 *       it, the smallest non-zero part (a total only when no part will do, since a withheld total
 *       spreads to the sum it belongs to).
 *   <li>What a reader can deduce is then computed ({@link Intervals}: every published cell, sum,
 *       bound and range, and that a withheld cell is never zero); while some withheld cell is
 *       pinned to one value, another member of one of its sums is withheld.
 * </ol>
 *
 * Complements are never zeros, so every withheld cell can move by one in both directions with
 * another member of its sum, which is what keeps it from being recovered.
 */
public final class SmallCells {

  /** The IOM counter-trafficking data hub's threshold, the platform's default. */
  public static final int DEFAULT_THRESHOLD = 11;

  private final int threshold;

  public SmallCells(int threshold) {
    if (threshold < 2) {
      throw new IllegalArgumentException("A threshold below 2 withholds nothing: " + threshold);
    }
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  public Suppression suppress(CellTable table) {
    Set<String> primary = new LinkedHashSet<>();
    table
        .cells()
        .forEach(
            (id, value) -> {
              if (value > 0 && value < threshold) {
                primary.add(id);
              }
            });
    Set<String> withheld = new HashSet<>(primary);
    Map<String, List<CellTable.Sum>> sumsOf = sumsOfEachCell(table);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (CellTable.Sum sum : table.sums()) {
        long withheldMembers = sum.members().stream().filter(withheld::contains).count();
        if (withheldMembers == 1) {
          changed |= complement(table, sum, withheld);
        }
      }
      if (changed) {
        continue;
      }
      Intervals intervals = Intervals.of(table, withheld);
      for (String cell : List.copyOf(withheld)) {
        if (intervals.exact(cell) && release(table, cell, sumsOf, withheld)) {
          changed = true;
          break;
        }
      }
    }
    return new Suppression(threshold, primary, withheld);
  }

  /** Withholds one more member of a sum of {@code cell}, or of a sum next to them. */
  private static boolean release(
      CellTable table, String cell, Map<String, List<CellTable.Sum>> sumsOf, Set<String> withheld) {
    for (CellTable.Sum sum : sumsOf.getOrDefault(cell, List.of())) {
      if (complement(table, sum, withheld)) {
        return true;
      }
    }
    // every member of its sums is withheld already: widen through the sums of those members
    for (CellTable.Sum sum : sumsOf.getOrDefault(cell, List.of())) {
      for (String member : sum.members()) {
        for (CellTable.Sum next : sumsOf.getOrDefault(member, List.of())) {
          if (complement(table, next, withheld)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Withholds the best complement of {@code sum}; false when none is left to withhold. */
  private static boolean complement(CellTable table, CellTable.Sum sum, Set<String> withheld) {
    Optional<String> chosen =
        smallestNonZero(table, sum.parts(), withheld)
            .or(() -> smallestNonZero(table, List.of(sum.total()), withheld));
    chosen.ifPresent(withheld::add);
    return chosen.isPresent();
  }

  private static Optional<String> smallestNonZero(
      CellTable table, List<String> candidates, Set<String> withheld) {
    return candidates.stream()
        .filter(id -> !withheld.contains(id) && table.value(id) > 0)
        .min(Comparator.comparingLong(table::value).thenComparing(Comparator.naturalOrder()));
  }

  private static Map<String, List<CellTable.Sum>> sumsOfEachCell(CellTable table) {
    Map<String, List<CellTable.Sum>> sumsOf = new HashMap<>();
    for (CellTable.Sum sum : table.sums()) {
      for (String member : sum.members()) {
        sumsOf.computeIfAbsent(member, id -> new ArrayList<>()).add(sum);
      }
    }
    return sumsOf;
  }
}
