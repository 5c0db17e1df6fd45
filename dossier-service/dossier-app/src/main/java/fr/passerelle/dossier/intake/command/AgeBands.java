package fr.passerelle.dossier.intake.command;

import fr.passerelle.dossier.events.AgeBand;
import java.time.LocalDate;
import java.time.Period;

/** The age band published in place of a birth date. */
public final class AgeBands {

  private AgeBands() {}

  public static AgeBand on(LocalDate birthDate, LocalDate day) {
    int age = Period.between(birthDate, day).getYears();
    if (age < 18) {
      return AgeBand.UNDER_18;
    } else if (age < 25) {
      return AgeBand.FROM_18_TO_24;
    } else if (age < 35) {
      return AgeBand.FROM_25_TO_34;
    } else if (age < 45) {
      return AgeBand.FROM_35_TO_44;
    } else if (age < 55) {
      return AgeBand.FROM_45_TO_54;
    }
    return AgeBand.FROM_55;
  }
}
