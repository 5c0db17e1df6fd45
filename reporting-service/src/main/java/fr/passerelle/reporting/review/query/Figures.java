package fr.passerelle.reporting.review.query;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One département's figures (or France's, their sum) for a period, as known at an instant. */
public final class Figures {

  private final Map<Count, Long> counts = new EnumMap<>(Count.class);
  private final Map<Breakdown, Map<String, Long>> breakdowns = new EnumMap<>(Breakdown.class);
  private final Map<Amount, Long> amounts = new EnumMap<>(Amount.class);

  public long count(Count count) {
    return counts.getOrDefault(count, 0L);
  }

  /** The codes with a non-zero count, by code. */
  public Map<String, Long> breakdown(Breakdown breakdown) {
    return Collections.unmodifiableMap(breakdowns.getOrDefault(breakdown, Map.of()));
  }

  public long amount(Amount amount) {
    return amounts.getOrDefault(amount, 0L);
  }

  /** Dossiers studied: those decided, validated or refused. */
  public long studied() {
    return count(Count.VALIDATED) + count(Count.REFUSED);
  }

  Figures add(Count count, long value) {
    counts.merge(count, value, Long::sum);
    return this;
  }

  Figures add(Breakdown breakdown, String code, long value) {
    if (value != 0) {
      breakdowns.computeIfAbsent(breakdown, b -> new TreeMap<>()).merge(code, value, Long::sum);
    }
    return this;
  }

  Figures add(Amount amount, long value) {
    amounts.merge(amount, value, Long::sum);
    return this;
  }

  /** The sum of several départements' figures. */
  static Figures sum(Iterable<Figures> departements) {
    Figures total = new Figures();
    for (Figures figures : departements) {
      figures.counts.forEach(total::add);
      figures.breakdowns.forEach(
          (breakdown, codes) -> codes.forEach((code, value) -> total.add(breakdown, code, value)));
      figures.amounts.forEach(total::add);
    }
    return total;
  }

  /** Every count by name, for tests and logs. */
  Map<String, Long> byName() {
    Map<String, Long> named = new LinkedHashMap<>();
    counts.forEach((count, value) -> named.put(count.field(), value));
    return named;
  }
}
