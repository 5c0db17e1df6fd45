package fr.passerelle.reporting.review.smallcells;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts meant for publication and everything that ties them together, as someone who reads every
 * one of them knows it: which counts add up to which ({@link #sum}), which can be no larger than
 * which ({@link #atMost}), which are known to lie in a range published elsewhere ({@link #within},
 * such as a size band). Counts of dossiers or people, never negative.
 */
public final class CellTable {

  /** A total and the parts it is the sum of. */
  public record Sum(String total, List<String> parts) {

    public Sum {
      parts = List.copyOf(parts);
    }

    /** The total and its parts. */
    public List<String> members() {
      List<String> members = new ArrayList<>(parts.size() + 1);
      members.add(total);
      members.addAll(parts);
      return members;
    }
  }

  /** A count that can be no larger than another (victims among the validated...). */
  public record AtMost(String part, String whole) {}

  /** A range a reader knows a count lies in. */
  public record Range(long low, long high) {}

  private final Map<String, Long> cells = new LinkedHashMap<>();
  private final List<Sum> sums = new ArrayList<>();
  private final List<AtMost> bounds = new ArrayList<>();
  private final Map<String, Range> ranges = new LinkedHashMap<>();

  /** A count; declaring it again with the same value is harmless. */
  public CellTable cell(String id, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("A count is not negative: " + id + " = " + value);
    }
    Long previous = cells.putIfAbsent(id, value);
    if (previous != null && previous != value) {
      throw new IllegalArgumentException("Two values for " + id + ": " + previous + ", " + value);
    }
    return this;
  }

  /** {@code total} is the sum of {@code parts}, all of them declared cells. */
  public CellTable sum(String total, List<String> parts) {
    requireCell(total);
    parts.forEach(this::requireCell);
    long sum = parts.stream().mapToLong(cells::get).sum();
    if (sum != cells.get(total)) {
      throw new IllegalArgumentException(total + " is not the sum of " + parts);
    }
    if (!parts.isEmpty()) {
      sums.add(new Sum(total, parts));
    }
    return this;
  }

  /** {@code part} is no larger than {@code whole}. */
  public CellTable atMost(String part, String whole) {
    requireCell(part);
    requireCell(whole);
    if (cells.get(part) > cells.get(whole)) {
      throw new IllegalArgumentException(part + " is larger than " + whole);
    }
    bounds.add(new AtMost(part, whole));
    return this;
  }

  /** Readers know {@code id} lies between {@code low} and {@code high} included. */
  public CellTable within(String id, long low, long high) {
    requireCell(id);
    long value = cells.get(id);
    if (value < low || value > high) {
      throw new IllegalArgumentException(id + " = " + value + " is not in " + low + "-" + high);
    }
    ranges.merge(
        id,
        new Range(low, high),
        (a, b) -> new Range(Math.max(a.low(), b.low()), Math.min(a.high(), b.high())));
    return this;
  }

  public boolean has(String id) {
    return cells.containsKey(id);
  }

  public long value(String id) {
    requireCell(id);
    return cells.get(id);
  }

  public Map<String, Long> cells() {
    return Collections.unmodifiableMap(cells);
  }

  public List<Sum> sums() {
    return Collections.unmodifiableList(sums);
  }

  public List<AtMost> bounds() {
    return Collections.unmodifiableList(bounds);
  }

  public Map<String, Range> ranges() {
    return Collections.unmodifiableMap(ranges);
  }

  private void requireCell(String id) {
    if (!cells.containsKey(Objects.requireNonNull(id, "cell"))) {
      throw new IllegalArgumentException("No cell " + id);
    }
  }
}
