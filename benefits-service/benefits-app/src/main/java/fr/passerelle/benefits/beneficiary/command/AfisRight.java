package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A granted AFIS as the months it covers see it: the pathway's period (from its start to the end of
 * its last authorisation, or an earlier end), the household month by month, the months the préfet
 * suspended. Immutable: each decision gives a new one. The aggregate and the payment preview hold
 * the same value, so what is previewed is what is paid.
 *
 * @param from first day of the right: the pathway's first day
 * @param until last day of the pathway's authorisation in force, moved by each renewal
 * @param endedOn the right's last day when it ended before {@code until} (pathway ended early, or
 *     AFIS stopped); {@code null} otherwise
 * @param household children counted from each month on; empty for a right granted before households
 *     were recorded
 * @param suspensions the months the préfet suspended, in order
 */
public record AfisRight(
    Territory territory,
    LocalDate from,
    LocalDate until,
    LocalDate endedOn,
    NavigableMap<YearMonth, Integer> household,
    List<Suspension> suspensions) {

  public AfisRight {
    Objects.requireNonNull(territory, "territory");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    household = Collections.unmodifiableNavigableMap(new TreeMap<>(household));
    suspensions = List.copyOf(suspensions);
  }

  /** A right granted from {@code from} to {@code until} for a household of {@code children}. */
  public static AfisRight granted(
      Territory territory, LocalDate from, LocalDate until, Integer children) {
    NavigableMap<YearMonth, Integer> household = new TreeMap<>();
    if (children != null) {
      household.put(YearMonth.from(from), children);
    }
    return new AfisRight(territory, from, until, null, household, List.of());
  }

  /** The right's last day: the end of the authorisation in force, or an earlier end. */
  public LocalDate lastDay() {
    return endedOn != null && endedOn.isBefore(until) ? endedOn : until;
  }

  public YearMonth firstMonth() {
    return YearMonth.from(from);
  }

  /** The last month with any day of right, empty when it ended before it began. */
  public Optional<YearMonth> lastMonth() {
    return lastDay().isBefore(from) ? Optional.empty() : Optional.of(YearMonth.from(lastDay()));
  }

  public boolean ended() {
    return endedOn != null;
  }

  /** Days of {@code month} the right covers: 0 outside it, the whole month inside. */
  public int daysCovered(YearMonth month) {
    LocalDate first = max(month.atDay(1), from);
    LocalDate last = min(month.atEndOfMonth(), lastDay());
    return last.isBefore(first) ? 0 : (int) ChronoUnit.DAYS.between(first, last) + 1;
  }

  /** The children counted in {@code month}, empty when no household is recorded for it. */
  public Optional<Integer> childrenIn(YearMonth month) {
    var entry = household.floorEntry(month);
    if (entry == null && !household.isEmpty() && !month.isBefore(firstMonth())) {
      entry = household.firstEntry();
    }
    return Optional.ofNullable(entry).map(java.util.Map.Entry::getValue);
  }

  public boolean suspendedIn(YearMonth month) {
    return suspensions.stream().anyMatch(s -> s.includes(month));
  }

  /** Whether a suspension is running (not lifted). */
  public boolean suspended() {
    return !suspensions.isEmpty() && suspensions.get(suspensions.size() - 1).until() == null;
  }

  public AfisRight renewedUntil(LocalDate newUntil) {
    return new AfisRight(territory, from, newUntil, endedOn, household, suspensions);
  }

  public AfisRight endedOn(LocalDate lastDay) {
    return new AfisRight(territory, from, until, lastDay, household, suspensions);
  }

  public AfisRight withHousehold(YearMonth fromMonth, int children) {
    NavigableMap<YearMonth, Integer> changed = new TreeMap<>(household);
    changed.put(fromMonth, children);
    return new AfisRight(territory, from, until, endedOn, changed, suspensions);
  }

  public AfisRight suspendedFrom(YearMonth month) {
    List<Suspension> changed = new ArrayList<>(suspensions);
    changed.add(new Suspension(month, null));
    return new AfisRight(territory, from, until, endedOn, household, changed);
  }

  public AfisRight resumedFrom(YearMonth month) {
    List<Suspension> changed = new ArrayList<>(suspensions);
    Suspension running = changed.remove(changed.size() - 1);
    changed.add(new Suspension(running.from(), month));
    return new AfisRight(territory, from, until, endedOn, household, changed);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * Months the AFIS was suspended: from {@code from} until the month before {@code until}, or on
   * while {@code until} is {@code null}.
   */
  public record Suspension(YearMonth from, YearMonth until) {

    public Suspension {
      Objects.requireNonNull(from, "from");
    }

    public boolean includes(YearMonth month) {
      return !month.isBefore(from) && (until == null || month.isBefore(until));
    }
  }
}
