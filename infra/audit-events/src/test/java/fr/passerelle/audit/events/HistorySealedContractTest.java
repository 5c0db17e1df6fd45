package fr.passerelle.audit.events;

import fr.passerelle.contract.EventContract;
import org.junit.jupiter.api.Test;

class HistorySealedContractTest {

  private final EventContract contract = EventContract.of(HistorySealed.TYPE);

  @Test
  void goldenSampleIsValid() {
    contract.assertValid(contract.goldenSample());
  }

  @Test
  void schemaDescribesTheRecord() {
    contract.assertDescribes(HistorySealed.class);
  }

  @Test
  void aSealCarriesHashesOnlyNothingOfADossier() {
    contract.assertInvalid(
        contract.goldenSample().replace("\"day\"", "\"dossierId\": \"d-1\", \"day\""));
    contract.assertInvalid(contract.goldenSample().replace("\"9f2c6b1e", "\"not a hash 9f2c6b1e"));
  }
}
