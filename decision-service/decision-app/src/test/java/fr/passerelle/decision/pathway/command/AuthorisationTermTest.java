package fr.passerelle.decision.pathway.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AuthorisationTermTest {

  @Test
  void termEndsTheDayBeforeTheSameDayMonthsLater() {
    assertThat(new AuthorisationTerm(6).lastDay(LocalDate.parse("2019-05-01")))
        .isEqualTo(LocalDate.parse("2019-10-31"));
  }

  @Test
  void termIsConfigurable() {
    assertThat(new AuthorisationTerm(3).lastDay(LocalDate.parse("2019-05-15")))
        .isEqualTo(LocalDate.parse("2019-08-14"));
  }
}
