package fr.passerelle.dossier.events;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierSubmittedContractTest {

  private final EventContract contract = EventContract.of(DossierSubmitted.TYPE);

  @Test
  void goldenSampleIsValid() {
    contract.assertValid(contract.goldenSample());
  }

  @Test
  void schemaDescribesTheRecord() {
    contract.assertDescribes(DossierSubmitted.class);
  }

  @Test
  void theFieldsAddedAfterTheFirstReleaseAreOptional() {
    contract.assertValid(
        """
        {"dossierId":"d-1","departmentCode":"31","nationality":"NG","children":0,
         "traffickingVictim":true,"submittedAt":"2019-03-14T09:30:00Z"}""");
  }

  @Test
  void theSubmissionIsDatedByTheDayEnteredNotByItsRecording() {
    assertThat(contract.goldenSample()).contains("\"submittedOn\": \"2019-03-12\"");
    contract.assertInvalid(contract.goldenSample().replace("\"2019-03-12\"", "\"12/03/2019\""));
    contract.assertInvalid(
        contract.goldenSample().replace("\"2019-03-12\"", "\"2019-03-12T09:30:00Z\""));

    assertThat(
            submission(Instant.parse("2026-11-29T10:00:00Z"), LocalDate.of(2019, 3, 12))
                .submissionDate())
        .isEqualTo(LocalDate.of(2019, 3, 12));
  }

  @Test
  void aSubmissionWithoutItsDateIsDatedByTheDayItWasRecordedInFrance() {
    contract.assertValid(contract.goldenSample().replace("\"2019-03-12\"", "null"));

    // 23:30 UTC on 13 March is already the 14th in Paris.
    assertThat(submission(Instant.parse("2019-03-13T23:30:00Z"), null).submissionDate())
        .isEqualTo(LocalDate.of(2019, 3, 14));
  }

  private static DossierSubmitted submission(Instant submittedAt, LocalDate submittedOn) {
    return new DossierSubmitted(
        "d-1",
        "31",
        "NG",
        0,
        true,
        submittedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        submittedOn);
  }

  @Test
  void personalDataIsRejected() {
    contract.assertInvalid(
        contract.goldenSample().replace("\"dossierId\"", "\"lastName\": \"Doe\", \"dossierId\""));
    contract.assertInvalid(
        contract
            .goldenSample()
            .replace("\"dossierId\"", "\"birthDate\": \"1990-01-01\", \"dossierId\""));
  }

  @Test
  void thePersonAppearsUnderAPseudonymOfTheDossierNotTheVaultsId() {
    assertThat(contract.goldenSample()).contains("\"personPseudonym\"").doesNotContain("personId");
    contract.assertInvalid(
        contract
            .goldenSample()
            .replace("3f9c2a71d04e4b8e9a6512c7f0d3b8e4", "9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13"));
  }

  @Test
  void nationalityMustBeAnIsoAlpha2Code() {
    contract.assertInvalid(contract.goldenSample().replace("\"NG\"", "\"Nigeria\""));
  }
}
