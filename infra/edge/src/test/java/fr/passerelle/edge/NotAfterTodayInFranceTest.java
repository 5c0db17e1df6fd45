package fr.passerelle.edge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotAfterTodayInFranceTest {

  record Body(@NotAfterTodayInFrance LocalDate signedOn) {}

  /** 22:30 UTC on 30 November: 23:30 in Paris, already 1 December in La Réunion. */
  private final Validator validator =
      Validation.byDefaultProvider()
          .configure()
          .clockProvider(() -> Clock.fixed(Instant.parse("2026-11-30T22:30:00Z"), ZoneOffset.UTC))
          .buildValidatorFactory()
          .getValidator();

  @Test
  void aDateThatIsTodaySomewhereInFrancePasses() {
    assertThat(validator.validate(new Body(LocalDate.of(2026, 12, 1)))).isEmpty();
    assertThat(validator.validate(new Body(LocalDate.of(2026, 11, 30)))).isEmpty();
    assertThat(validator.validate(new Body(null))).isEmpty();
  }

  @Test
  void aDateInTheFutureEverywhereIsRefusedInFrench() {
    var violations = validator.validate(new Body(LocalDate.of(2026, 12, 2)));
    assertThat(violations).hasSize(1);
    var violation = violations.iterator().next();
    assertThat(violation.getPropertyPath()).hasToString("signedOn");
    assertThat(violation.getMessage()).isEqualTo("ne peut pas être dans le futur");
  }
}
