package fr.passerelle.benefits.beneficiary.command;

import java.util.Objects;

/**
 * The AFIS amounts one text sets for one territory.
 *
 * @param source the text, e.g. {@code décret 2022-1340}: payments name it
 */
public record AfisScale(String source, AfisAmounts amounts) {

  public AfisScale {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(amounts, "amounts");
  }
}
