package fr.passerelle.decision.events;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionContractsTest {

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(OpinionRecorded.TYPE, OpinionRecorded.class),
        Arguments.of(PathwayValidated.TYPE, PathwayValidated.class),
        Arguments.of(PathwayRefused.TYPE, PathwayRefused.class));
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
        contract.goldenSample().replace("\"dossierId\"", "\"lastName\": \"Doe\", \"dossierId\""));
  }

  /** A validation published before {@code procuringVictim} was added stays valid: unknown. */
  @Test
  void aValidationWithoutTheProcuringFlagIsStillValid() {
    EventContract contract = EventContract.of(PathwayValidated.TYPE);

    String before = contract.goldenSample().replace(",\n  \"procuringVictim\": false", "");

    assertThat(before).doesNotContain("procuringVictim");
    contract.assertValid(before);
    contract.assertInvalid(
        contract
            .goldenSample()
            .replace("\"procuringVictim\": false", "\"procuringVictim\": \"no\""));
  }
}
