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
  void personalDataIsRejected() {
    contract.assertInvalid(
        contract.goldenSample().replace("\"dossierId\"", "\"lastName\": \"Doe\", \"dossierId\""));
  }

  @Test
  void nationalityMustBeAnIsoAlpha2Code() {
    contract.assertInvalid(contract.goldenSample().replace("\"NG\"", "\"Nigeria\""));
  }
}
