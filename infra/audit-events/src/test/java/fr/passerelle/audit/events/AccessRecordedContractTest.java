package fr.passerelle.audit.events;

import fr.passerelle.contract.EventContract;
import org.junit.jupiter.api.Test;

class AccessRecordedContractTest {

  private final EventContract contract = EventContract.of(AccessRecorded.TYPE);

  @Test
  void goldenSampleIsValid() {
    contract.assertValid(contract.goldenSample());
  }

  @Test
  void schemaDescribesTheRecord() {
    contract.assertDescribes(AccessRecorded.class);
  }

  @Test
  void nothingOfThePersonConcernedIsAccepted() {
    contract.assertInvalid(
        contract.goldenSample().replace("\"accessId\"", "\"lastName\": \"Doe\", \"accessId\""));
  }

  @Test
  void aRefusalSaysWhy() {
    contract.assertValid(
        contract
            .goldenSample()
            .replace("\"READ\"", "\"REFUSED\"")
            .replace("\"refusal\": null", "\"refusal\": \"ASSOCIATION\""));
    contract.assertInvalid(
        contract.goldenSample().replace("\"refusal\": null", "\"refusal\": \"BECAUSE\""));
  }
}
