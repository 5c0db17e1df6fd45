package fr.passerelle.benefits.beneficiary.command;

import java.time.YearMonth;
import java.util.Objects;

/**
 * An aid paid once, with the AFIS of {@code month}, to those entitled to the AFIS that month (such
 * as décret 2020-1803's).
 *
 * @param singleCents what it pays a person alone
 * @param eachChildCents what it adds for each dependent child
 */
public record OneOffAid(YearMonth month, String source, long singleCents, long eachChildCents) {

  public OneOffAid {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(source, "source");
    if (singleCents < 0 || eachChildCents < 0) {
      throw new IllegalArgumentException("a one-off aid is not negative");
    }
  }

  public long forChildren(int children) {
    return singleCents + children * eachChildCents;
  }
}
