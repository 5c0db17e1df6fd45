package fr.passerelle.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock a test moves by hand: declared as the application's {@link Clock} bean, it is what the
 * domain calls today and what the persistent scheduler calls now, so that a term reached in 2019 is
 * reached when the test says so, not in real time.
 */
public final class TestClock extends Clock {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final ZoneId zone;
  private volatile Instant now;

  private TestClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Paris time, at noon on {@code day}. */
  public static TestClock at(LocalDate day) {
    return new TestClock(day.atTime(12, 0).atZone(PARIS).toInstant(), PARIS);
  }

  public static TestClock at(Instant now) {
    return new TestClock(now, PARIS);
  }

  public void set(Instant instant) {
    this.now = instant;
  }

  /** Noon on {@code day}, Paris time. */
  public void setDay(LocalDate day) {
    set(day.atTime(12, 0).atZone(zone).toInstant());
  }

  public void advance(Duration duration) {
    this.now = now.plus(duration);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now, zone);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new TestClock(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
