package fr.passerelle.benefits.beneficiary.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A value that changes on given dates, such as a scale set by decree: the value in force on a day
 * is the one of the latest entry that took effect on or before that day.
 *
 * @param <T> the value
 */
public final class EffectiveDated<T> {

  private final String name;
  private final NavigableMap<LocalDate, T> byEffectiveDate = new TreeMap<>();

  /**
   * @param name what the values are, for error messages
   * @throws IllegalArgumentException when there is no entry or two take effect the same day
   */
  public EffectiveDated(String name, List<Entry<T>> entries) {
    this.name = Objects.requireNonNull(name, "name");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(name + ": at least one entry is needed");
    }
    for (Entry<T> entry : entries) {
      if (byEffectiveDate.putIfAbsent(entry.effectiveFrom(), entry.value()) != null) {
        throw new IllegalArgumentException(
            name + ": two entries take effect on " + entry.effectiveFrom());
      }
    }
  }

  /**
   * The value in force on {@code day}.
   *
   * @throws IllegalStateException when no entry had taken effect yet: the configuration lacks it
   */
  public T inForceOn(LocalDate day) {
    return find(day)
        .orElseThrow(() -> new IllegalStateException(name + ": no entry in force on " + day));
  }

  /** The value in force on {@code day}, empty before the first entry took effect. */
  public Optional<T> find(LocalDate day) {
    return Optional.ofNullable(byEffectiveDate.floorEntry(day)).map(Map.Entry::getValue);
  }

  /** One value and the day it takes effect. */
  public record Entry<T>(LocalDate effectiveFrom, T value) {

    public Entry {
      Objects.requireNonNull(effectiveFrom, "effectiveFrom");
      Objects.requireNonNull(value, "value");
    }
  }
}
