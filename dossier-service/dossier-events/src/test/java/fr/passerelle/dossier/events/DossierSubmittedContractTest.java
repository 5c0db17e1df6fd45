package fr.passerelle.dossier.events;

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
  void nationalityMustBeAnIsoAlpha2Code() {
    contract.assertInvalid(contract.goldenSample().replace("\"NG\"", "\"Nigeria\""));
  }
}
