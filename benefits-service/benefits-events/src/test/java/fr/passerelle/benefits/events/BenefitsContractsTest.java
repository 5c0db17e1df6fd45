package fr.passerelle.benefits.events;

import fr.passerelle.contract.EventContract;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BenefitsContractsTest {

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(PermitIssued.TYPE, PermitIssued.class),
        Arguments.of(AfisGranted.TYPE, AfisGranted.class),
        Arguments.of(AfisRefused.TYPE, AfisRefused.class),
        Arguments.of(EmploymentRecorded.TYPE, EmploymentRecorded.class));
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void goldenSampleIsValidAndSchemaDescribesTheRecord(String type, Class<? extends Record> record) {
    EventContract contract = EventContract.of(type);

    contract.assertValid(contract.goldenSample());
    contract.assertDescribes(record);
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void personalDataIsRejected(String type, Class<? extends Record> record) {
    EventContract contract = EventContract.of(type);

    contract.assertInvalid(
        contract
            .goldenSample()
            .replace("\"dossierId\"", "\"permitNumber\": \"7501\", \"dossierId\""));
  }
}
