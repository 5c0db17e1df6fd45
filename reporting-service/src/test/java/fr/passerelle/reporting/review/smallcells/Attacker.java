package fr.passerelle.reporting.review.smallcells;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Someone who reads every published cell and knows how they are tied (sums, bounds, ranges) and
 * that a withheld cell is never zero, and who tries every value of the withheld cells: what values
 * can each withheld cell take? Written apart from the suppression it attacks, by plain search.
 */
final class Attacker {

  private final CellTable table;
  private final List<String> unknowns;
  private final long ceiling;

  /**
   * @param ceiling the largest value tried for a withheld cell: large enough that a cell the search
   *     finds only one value for under it has no other
   */
  Attacker(CellTable table, Set<String> withheld, long ceiling) {
    this.table = table;
    this.unknowns = new ArrayList<>(withheld);
    this.unknowns.sort(null);
    this.ceiling = ceiling;
  }

  /** Whether the withheld {@code cell} can take a value other than its true one. */
  boolean cannotTell(String cell) {
    long truth = table.value(cell);
    for (long value : nearTheTruth(cell)) {
      if (value == truth) {
        continue;
      }
      Map<String, Long> assigned = new HashMap<>();
      assigned.put(cell, value);
      if (consistent(assigned) && solve(assigned)) {
        return true;
      }
    }
    return false;
  }

  private boolean solve(Map<String, Long> assigned) {
    // a sum with one unknown left decides it
    for (CellTable.Sum sum : table.sums()) {
      List<String> open = sum.members().stream().filter(unknownAndOpen(assigned)).toList();
      if (open.size() == 1) {
        String last = open.get(0);
        long value = decided(sum, last, assigned);
        if (value < 1 || value > ceiling) {
          return false;
        }
        assigned.put(last, value);
        boolean solved = consistent(assigned) && solve(assigned);
        assigned.remove(last);
        return solved;
      }
    }
    String next = unknowns.stream().filter(u -> !assigned.containsKey(u)).findFirst().orElse(null);
    if (next == null) {
      return true;
    }
    for (long value : nearTheTruth(next)) {
      assigned.put(next, value);
      if (consistent(assigned) && solve(assigned)) {
        assigned.remove(next);
        return true;
      }
      assigned.remove(next);
    }
    return false;
  }

  /**
   * Every value from 1 to the ceiling, nearest the cell's true value first: the search looks for
   * any other solution, and the truth moved a little is where one is found, when there is one.
   */
  private List<Long> nearTheTruth(String cell) {
    long truth = table.value(cell);
    List<Long> values = new ArrayList<>();
    for (long distance = 0; values.size() < ceiling; distance++) {
      if (truth - distance >= 1 && distance > 0) {
        values.add(truth - distance);
      }
      if (truth + distance <= ceiling) {
        values.add(truth + distance);
      }
      if (truth - distance < 1 && truth + distance > ceiling) {
        break;
      }
    }
    return values;
  }

  private java.util.function.Predicate<String> unknownAndOpen(Map<String, Long> assigned) {
    return id -> unknowns.contains(id) && !assigned.containsKey(id);
  }

  private long decided(CellTable.Sum sum, String last, Map<String, Long> assigned) {
    long parts = 0;
    for (String part : sum.parts()) {
      if (!part.equals(last)) {
        parts += value(part, assigned);
      }
    }
    return last.equals(sum.total()) ? parts : value(sum.total(), assigned) - parts;
  }

  /** Whether what is assigned so far breaks nothing that can already be checked. */
  private boolean consistent(Map<String, Long> assigned) {
    for (var entry : assigned.entrySet()) {
      CellTable.Range range = table.ranges().get(entry.getKey());
      if (range != null && (entry.getValue() < range.low() || entry.getValue() > range.high())) {
        return false;
      }
    }
    for (CellTable.Sum sum : table.sums()) {
      boolean totalKnown = known(sum.total(), assigned);
      long parts = 0;
      boolean partsKnown = true;
      for (String part : sum.parts()) {
        if (known(part, assigned)) {
          parts += value(part, assigned);
        } else {
          parts += 1; // a withheld cell is at least one
          partsKnown = false;
        }
      }
      if (totalKnown
          && (partsKnown
              ? parts != value(sum.total(), assigned)
              : parts > value(sum.total(), assigned))) {
        return false;
      }
    }
    for (CellTable.AtMost bound : table.bounds()) {
      if (known(bound.part(), assigned)
          && known(bound.whole(), assigned)
          && value(bound.part(), assigned) > value(bound.whole(), assigned)) {
        return false;
      }
    }
    return true;
  }

  private boolean known(String cell, Map<String, Long> assigned) {
    return !unknowns.contains(cell) || assigned.containsKey(cell);
  }

  private long value(String cell, Map<String, Long> assigned) {
    return unknowns.contains(cell) ? assigned.get(cell) : table.value(cell);
  }
}
