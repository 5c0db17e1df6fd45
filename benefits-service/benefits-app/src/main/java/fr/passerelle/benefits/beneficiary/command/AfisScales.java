package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.Territory;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The AFIS scales of each territory in their succession. A month is paid at the scale in force on
 * its first day: a text that takes effect during a month applies from the next one (ADR 27).
 */
public final class AfisScales {

  private final Map<Territory, EffectiveDated<AfisScale>> byTerritory =
      new EnumMap<>(Territory.class);

  /**
   * @throws IllegalArgumentException when a territory has no scale
   */
  public AfisScales(Map<Territory, List<EffectiveDated.Entry<AfisScale>>> scales) {
    for (Territory territory : Territory.values()) {
      List<EffectiveDated.Entry<AfisScale>> entries = scales.get(territory);
      if (entries == null || entries.isEmpty()) {
        throw new IllegalArgumentException("No AFIS scale for " + territory);
      }
      byTerritory.put(
          territory, new EffectiveDated<>("AFIS scale of " + territory.name(), entries));
    }
  }

  /**
   * The scale of {@code month} in {@code territory}.
   *
   * @throws NoAfisScaleException when no scale was in force on the month's first day
   */
  public AfisScale of(Territory territory, YearMonth month) {
    return byTerritory
        .get(territory)
        .find(month.atDay(1))
        .orElseThrow(() -> new NoAfisScaleException(territory, month));
  }
}
