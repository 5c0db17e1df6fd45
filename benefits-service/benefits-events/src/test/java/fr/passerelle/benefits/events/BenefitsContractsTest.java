package fr.passerelle.benefits.events;

import fr.passerelle.contract.EventContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BenefitsContractsTest {

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(PermitIssued.TYPE, PermitIssued.class),
        Arguments.of(PermitRenewed.TYPE, PermitRenewed.class),
        Arguments.of(PermitRefused.TYPE, PermitRefused.class),
        Arguments.of(PermitEnded.TYPE, PermitEnded.class),
        Arguments.of(AfisRequested.TYPE, AfisRequested.class),
        Arguments.of(AfisGranted.TYPE, AfisGranted.class),
        Arguments.of(AfisRefused.TYPE, AfisRefused.class),
        Arguments.of(AfisRenewed.TYPE, AfisRenewed.class),
        Arguments.of(AfisPaid.TYPE, AfisPaid.class),
        Arguments.of(AfisSuspended.TYPE, AfisSuspended.class),
        Arguments.of(AfisResumed.TYPE, AfisResumed.class),
        Arguments.of(AfisReassessed.TYPE, AfisReassessed.class),
        Arguments.of(AfisEnded.TYPE, AfisEnded.class),
        Arguments.of(AfisOverpaymentRecorded.TYPE, AfisOverpaymentRecorded.class),
        Arguments.of(EmploymentRecorded.TYPE, EmploymentRecorded.class),
        Arguments.of(EmploymentEnded.TYPE, EmploymentEnded.class),
        Arguments.of(TrainingRecorded.TYPE, TrainingRecorded.class),
        Arguments.of(TrainingEnded.TYPE, TrainingEnded.class),
        Arguments.of(HousingStepRecorded.TYPE, HousingStepRecorded.class));
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
    contract.assertInvalid(
        contract.goldenSample().replace("\"dossierId\"", "\"lastName\": \"Doe\", \"dossierId\""));
  }

  /** Events published before the fields added in 0.3 stay valid under the same version. */
  @Test
  void theFieldsAddedToPublishedVersionsAreOptional() {
    EventContract.of(PermitIssued.TYPE)
        .assertValid(
            """
            {"dossierId":"d-1","departmentCode":"31","validFrom":"2019-05-01",
             "validUntil":"2019-10-31"}""");
    EventContract.of(AfisGranted.TYPE)
        .assertValid(
            """
            {"dossierId":"d-1","departmentCode":"31","monthlyAmountCents":43200,
             "territory":"MAINLAND","from":"2019-05-01","until":"2019-10-31"}""");
    EventContract.of(AfisRefused.TYPE)
        .assertValid(
            """
            {"dossierId":"d-1","departmentCode":"31","reason":"RECEIVES_ADA",
             "decidedOn":"2019-04-18"}""");
    EventContract.of(EmploymentRecorded.TYPE)
        .assertValid(
            """
            {"dossierId":"d-1","departmentCode":"31","contractType":"CDI",
             "startDate":"2019-09-02","weeklyHours":35}""");
  }

  @Test
  void refusalReasonsAreCodesConsumersCanCount() {
    EventContract refused = EventContract.of(AfisRefused.TYPE);

    refused.assertInvalid(
        refused.goldenSample().replace("\"RESOURCES_ABOVE_RSA\"]", "\"TOO_RICH\"]"));
    refused.assertInvalid(
        refused.goldenSample().replace("[\"RECEIVES_ADA\", \"RESOURCES_ABOVE_RSA\"]", "[]"));
    refused.assertInvalid(
        refused.goldenSample().replace("\"RESOURCES_ABOVE_RSA\"]", "\"Ressources trop élevées\"]"));
    EventContract permit = EventContract.of(PermitRefused.TYPE);
    permit.assertInvalid(permit.goldenSample().replace("\"NOT_A_VICTIM\"", "\"non victime\""));
  }

  @Test
  void aPaymentIsForOneCalendarMonth() {
    EventContract paid = EventContract.of(AfisPaid.TYPE);

    paid.assertInvalid(paid.goldenSample().replace("\"2022-11\"", "\"2022-13\""));
    paid.assertInvalid(paid.goldenSample().replace("\"2022-11\"", "\"2022-11-01\""));
    paid.assertInvalid(paid.goldenSample().replace("44928,", "-44928,"));
  }

  @Test
  void anOverpaymentNamesItsMonthsAndAPositiveAmount() {
    EventContract overpayment = EventContract.of(AfisOverpaymentRecorded.TYPE);

    overpayment.assertInvalid(overpayment.goldenSample().replace("67392", "0"));
    overpayment.assertInvalid(
        overpayment.goldenSample().replace("[\"2023-09\", \"2023-10\"]", "[]"));
  }
}
