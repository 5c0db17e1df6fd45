package fr.passerelle.dossier.events;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
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
