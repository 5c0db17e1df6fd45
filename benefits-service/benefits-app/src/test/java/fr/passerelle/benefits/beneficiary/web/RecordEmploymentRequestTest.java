package fr.passerelle.benefits.beneficiary.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.benefits.events.ContractType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordEmploymentRequestTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void everyContractTypeIsAccepted() {
    assertThat(Arrays.stream(ContractType.values()).map(ContractType::name))
        .allSatisfy(type -> assertThat(validator.validate(request(type, "35"))).isEmpty());
  }

  @Test
  void anUnknownContractTypeIsRefusedOnItsField() {
    assertThat(validator.validate(request("CDI_SENIOR", "35")))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactly("contractType");
  }

  @Test
  void weeklyHoursArePositiveAndAtMost48() {
    assertThat(validator.validate(request("CDD", "48"))).isEmpty();
    assertThat(validator.validate(request("CDD", "17.5"))).isEmpty();
    assertThat(validator.validate(request("CDD", "0")))
        .extracting(ConstraintViolation::getMessage)
        .containsExactly("doit être supérieur à 0");
    assertThat(validator.validate(request("CDD", "48.5")))
        .extracting(ConstraintViolation::getMessage)
        .containsExactly("48 heures par semaine au plus");
  }

  private static RecordEmploymentRequest request(String contractType, String weeklyHours) {
    return new RecordEmploymentRequest(
        contractType, LocalDate.of(2019, 9, 2), new BigDecimal(weeklyHours));
  }
}
