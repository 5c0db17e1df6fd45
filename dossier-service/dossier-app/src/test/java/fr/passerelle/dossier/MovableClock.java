package fr.passerelle.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in the integration tests: the system's, until a test sets a day (retention),
 * and again after it resets it. One context for every test class of the module, whatever each does
 * with time.
 */
public final class MovableClock extends Clock {

  /** The test JVM's one clock, every application context's (see {@code TestClockConfiguration}). */
  public static final MovableClock SHARED = new MovableClock();

  private volatile Instant fixed;

  /** From now on, {@code day} at 09:00 UTC. */
  public void set(LocalDate day) {
    fixed = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
  }

  /** Back to the system's time. */
  public void reset() {
    fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now != null ? now : Instant.now();
  }
}
