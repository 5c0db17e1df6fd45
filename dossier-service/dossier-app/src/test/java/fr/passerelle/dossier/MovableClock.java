package fr.passerelle.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's clock in the integration tests: the system's, until a test sets a day (retention),
 * and again after it resets it. One context for every test class of the module, whatever each does
 * with time.
 */
public final class MovableClock extends Clock {

  /** The test JVM's one clock, every application context's (see {@code TestClockConfiguration}). */
  public static final MovableClock SHARED = new MovableClock();

  /** The platform's zone, as the service's own clock has it (the scheduling's default). */
  private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

  private volatile Instant fixed;

  /** From now on, {@code day} at 09:00 in France. */
  public void set(LocalDate day) {
    set(day.atTime(9, 0).atZone(FRANCE).toInstant());
  }

  /** From now on, {@code now}. */
  public void set(Instant now) {
    fixed = now;
  }

  /** Back to the system's time. */
  public void reset() {
    fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return FRANCE;
  }

  /**
   * The same moving time, read in {@code zone}: a département's today ({@code
   * DepartmentCode.today}) follows the day a test sets.
   */
  @Override
  public Clock withZone(ZoneId zone) {
    MovableClock source = this;
    return zone.equals(FRANCE)
        ? this
        : new Clock() {
          @Override
          public ZoneId getZone() {
            return zone;
          }

          @Override
          public Clock withZone(ZoneId other) {
            return source.withZone(other);
          }

          @Override
          public Instant instant() {
            return source.instant();
          }
        };
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now != null ? now : Instant.now();
  }
}
