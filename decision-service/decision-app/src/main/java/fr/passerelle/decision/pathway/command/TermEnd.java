package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.DepartmentCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When a pathway that nobody renewed ends by itself (ADR 16): once {@code grace} has passed since
 * its term passed in the pathway's département (its last day over there). A term that had already
 * passed when it was recorded (a past year entered today) passes then, so its renewal can still be
 * entered during the grace. The end is dated the term's last day whenever it happens.
 *
 * @param grace how long after the term, as the département sees it, an end at term waits
 */
public record TermEnd(Duration grace) {

  public TermEnd {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("A grace is not negative: " + grace);
    }
  }

  /**
   * When a term ending on {@code lastDay} ends the pathway of département {@code departmentCode},
   * unless it is renewed first.
   */
  public Instant dueAt(LocalDate lastDay, String departmentCode, Clock clock) {
    return passed(lastDay, departmentCode, clock).plus(grace);
  }

  /**
   * When a term ending on {@code lastDay} ends the pathway of département {@code departmentCode}
   * once its renewal was refused: as soon as it has passed, nothing being left to enter.
   */
  public Instant dueOnceRefusedAt(LocalDate lastDay, String departmentCode, Clock clock) {
    return passed(lastDay, departmentCode, clock);
  }

  private static Instant passed(LocalDate lastDay, String departmentCode, Clock clock) {
    Instant dayAfter =
        lastDay.plusDays(1).atStartOfDay(DepartmentCode.zone(departmentCode)).toInstant();
    Instant now = clock.instant();
    return dayAfter.isAfter(now) ? dayAfter : now;
  }
}
