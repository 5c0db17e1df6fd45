package fr.passerelle.dossier.events;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The erasure's tombstone and its warning: ids, a date and a code, nothing of the person. */
class PersonalDataErasureContractTest {

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(PersonalDataErased.TYPE, PersonalDataErased.class),
        Arguments.of(PersonalDataErasureDue.TYPE, PersonalDataErasureDue.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void goldenSampleIsValidAndSchemaDescribesTheRecord(String type, Class<? extends Record> record) {
    EventContract contract = EventContract.of(type);

    contract.assertValid(contract.goldenSample());
    contract.assertDescribes(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void personalDataAndFreeTextAreRejected(String type, Class<? extends Record> record) {
    EventContract contract = EventContract.of(type);

    for (String field :
        new String[] {
          "\"lastName\": \"Doe\"", "\"birthDate\": \"1990-01-01\"", "\"comment\": \"à sa demande\""
        }) {
      contract.assertInvalid(
          contract.goldenSample().replace("\"dossierId\"", field + ", \"dossierId\""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void theReasonIsACodeOfTheList(String type, Class<? extends Record> record) {
    EventContract contract = EventContract.of(type);
    String sample = contract.goldenSample();
    String reason = sample.replaceAll("(?s).*\"reason\": \"([A-Z_]+)\".*", "$1");

    assertThat(ErasureReason.valueOf(reason)).isNotNull();
    contract.assertInvalid(sample.replace("\"" + reason + "\"", "\"the person asked\""));
  }

  @Test
  void aWarningIsOnlyForTheRetentionPeriods() {
    EventContract contract = EventContract.of(PersonalDataErasureDue.TYPE);

    contract.assertValid(
        contract.goldenSample().replace("RETENTION_AFTER_LAST_CONTACT", "DRAFT_NOT_SUBMITTED"));
    contract.assertInvalid(
        contract.goldenSample().replace("RETENTION_AFTER_LAST_CONTACT", "PERSON_REQUEST"));
  }

  @Test
  void aWarningForADraftNamingNoAssociationIsValid() {
    EventContract contract = EventContract.of(PersonalDataErasureDue.TYPE);

    contract.assertValid(
        contract
            .goldenSample()
            .replace("\"associationId\": \"a1f2e3d4-5c6b-4a79-8e01-23456789abcd\",", ""));
  }
}
