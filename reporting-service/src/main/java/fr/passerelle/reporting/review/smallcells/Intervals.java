package fr.passerelle.reporting.review.smallcells;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a reader can deduce of each withheld cell from everything published: the smallest and
 * largest value it can take, given the published cells, the sums, the bounds between cells and the
 * known ranges, and that a withheld cell is never zero (zeros are always published). Computed by
 * narrowing each cell's interval with every constraint until nothing moves; for tables whose sums
 * form a tree (each cell the part of one sum and the total of at most one other), the intervals are
 * exactly the values the cells can take.
 */
final class Intervals {

  static final long UNBOUNDED = Long.MAX_VALUE / 4;

  private final CellTable table;
  private final Map<String, long[]> bounds = new HashMap<>();

  private Intervals(CellTable table, Set<String> withheld) {
    this.table = table;
    table
        .cells()
        .forEach(
            (id, value) ->
                bounds.put(
                    id,
                    withheld.contains(id) ? new long[] {1, UNBOUNDED} : new long[] {value, value}));
    table
        .ranges()
        .forEach(
            (id, range) -> {
              long[] interval = bounds.get(id);
              interval[0] = Math.max(interval[0], range.low());
              interval[1] = Math.min(interval[1], range.high());
            });
  }

  /** The intervals of every cell, as a reader of the published cells can narrow them. */
  static Intervals of(CellTable table, Set<String> withheld) {
    Intervals intervals = new Intervals(table, withheld);
    intervals.narrow();
    return intervals;
  }

  long low(String cell) {
    return bounds.get(cell)[0];
  }

  long high(String cell) {
    return bounds.get(cell)[1];
  }

  /** Whether a reader can tell the cell's value exactly. */
  boolean exact(String cell) {
    return low(cell) == high(cell);
  }

  private void narrow() {
    boolean moved = true;
    for (int round = 0; moved && round < 10_000; round++) {
      moved = false;
      for (CellTable.Sum sum : table.sums()) {
        moved |= narrow(sum);
      }
      for (CellTable.AtMost bound : table.bounds()) {
        moved |= lowerHigh(bound.part(), high(bound.whole()));
        moved |= raiseLow(bound.whole(), low(bound.part()));
      }
    }
  }

  private boolean narrow(CellTable.Sum sum) {
    long partsLow = 0;
    long finiteHighs = 0;
    int unboundedParts = 0;
    for (String part : sum.parts()) {
      partsLow = add(partsLow, low(part));
      if (high(part) >= UNBOUNDED) {
        unboundedParts++;
      } else {
        finiteHighs += high(part);
      }
    }
    long partsHigh = unboundedParts > 0 ? UNBOUNDED : finiteHighs;
    boolean moved = raiseLow(sum.total(), partsLow) | lowerHigh(sum.total(), partsHigh);
    long totalLow = low(sum.total());
    long totalHigh = high(sum.total());
    for (String part : sum.parts()) {
      boolean unbounded = high(part) >= UNBOUNDED;
      long othersLow = partsLow - low(part);
      boolean othersUnbounded = unboundedParts - (unbounded ? 1 : 0) > 0;
      if (!othersUnbounded) {
        long othersHigh = finiteHighs - (unbounded ? 0 : high(part));
        moved |= raiseLow(part, totalLow - othersHigh);
      }
      if (totalHigh < UNBOUNDED) {
        moved |= lowerHigh(part, totalHigh - othersLow);
      }
    }
    return moved;
  }

  private boolean raiseLow(String cell, long low) {
    long[] interval = bounds.get(cell);
    if (low > interval[0]) {
      interval[0] = Math.min(low, interval[1]);
      return low <= interval[1];
    }
    return false;
  }

  private boolean lowerHigh(String cell, long high) {
    long[] interval = bounds.get(cell);
    if (high < interval[1]) {
      interval[1] = Math.max(high, interval[0]);
      return high >= interval[0];
    }
    return false;
  }

  private static long add(long a, long b) {
    return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : Math.min(a + b, UNBOUNDED);
  }
}
