package fr.passerelle.dossier.events;

import fr.passerelle.contract.EventContract;
import org.junit.jupiter.api.Test;

class RenewalRequestedContractTest {

  private final EventContract contract = EventContract.of(RenewalRequested.TYPE);

  @Test
  void goldenSampleIsValid() {
    contract.assertValid(contract.goldenSample());
  }

  @Test
  void schemaDescribesTheRecord() {
    contract.assertDescribes(RenewalRequested.class);
  }

  @Test
  void thePlanAndPersonalDataAreRejected() {
    contract.assertInvalid(
        contract.goldenSample().replace("\"dossierId\"", "\"plan\": \"Formation\", \"dossierId\""));
    contract.assertInvalid(
        contract.goldenSample().replace("\"dossierId\"", "\"lastName\": \"Doe\", \"dossierId\""));
  }
}
