package fr.passerelle.decision.events;

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
        Arguments.of(PathwayRefused.TYPE, PathwayRefused.class),
        Arguments.of(PathwayRenewed.TYPE, PathwayRenewed.class),
        Arguments.of(PathwayRenewalRefused.TYPE, PathwayRenewalRefused.class),
        Arguments.of(PathwayEnded.TYPE, PathwayEnded.class));
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

  @Test
  void anOpinionPublishedBeforeRenewalsExistedIsStillValid() {
    EventContract.of(OpinionRecorded.TYPE)
        .assertValid(
            """
            {"dossierId":"d-1","departmentCode":"31","sessionId":"s-1",\
            "sessionDate":"2019-04-11","opinion":"FAVOURABLE"}""");
  }

  @Test
  void aPathwayEndedAtItsTermHasNoDecisionDate() {
    EventContract contract = EventContract.of(PathwayEnded.TYPE);

    contract.assertValid(
        contract
            .goldenSample()
            .replace("\"COMMITMENTS_NOT_KEPT\"", "\"TERM_REACHED\"")
            .replace("\"2020-02-13\"", "null"));
  }

  @Test
  void noRenewalPassesTwentyFourMonths() {
    EventContract contract = EventContract.of(PathwayRenewed.TYPE);

    contract.assertInvalid(
        contract.goldenSample().replace("\"totalMonths\": 12", "\"totalMonths\": 30"));
  }
}
