package fr.passerelle.benefits.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.benefits.beneficiary.api.AfisEnded;
import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisOverpaymentRecorded;
import fr.passerelle.benefits.beneficiary.api.AfisPaid;
import fr.passerelle.benefits.beneficiary.api.AfisReassessed;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.AfisRenewed;
import fr.passerelle.benefits.beneficiary.api.AfisRequested;
import fr.passerelle.benefits.beneficiary.api.AfisResumed;
import fr.passerelle.benefits.beneficiary.api.AfisSuspended;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.EmploymentEnded;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.HousingStepRecorded;
import fr.passerelle.benefits.beneficiary.api.PathwayEnded;
import fr.passerelle.benefits.beneficiary.api.PermitEnded;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.beneficiary.api.PermitRefused;
import fr.passerelle.benefits.beneficiary.api.PermitRenewed;
import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import fr.passerelle.benefits.beneficiary.api.TrainingEnded;
import fr.passerelle.benefits.beneficiary.api.TrainingRecorded;
import fr.passerelle.benefits.events.AfisEndReason;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.AfisStopReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.benefits.events.PermitRefusalReason;
import fr.passerelle.benefits.events.Territory;
import fr.passerelle.contract.EventContract;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.eventbus.IntegrationEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published event, as the outbox writes it, is valid against its published contract. */
class BenefitsEventMapperTest {

  private static final String D = "d-1";
  private static final LocalDate DAY = LocalDate.of(2022, 11, 28);
  private static final YearMonth MONTH = YearMonth.of(2022, 11);

  private final BenefitsEventMapper mapper = new BenefitsEventMapper();

  static Stream<Object> publishedEvents() {
    return Stream.of(
        new PermitIssued(D, "31", DAY, DAY.plusMonths(6), DAY),
        new PermitRenewed(D, "31", DAY, DAY, DAY.plusMonths(6)),
        new PermitRefused(D, "31", DAY, PermitRefusalReason.NOT_A_VICTIM, true),
        new PermitEnded(D, "31", DAY, PermitEndReason.WITHDRAWN),
        new AfisRequested(
            D, "31", "r-1", DAY, 2, 12_000, false, true, ResidenceDocument.RECEIPT, null),
        new AfisGranted(
            D, "976", 22_464, Territory.MAYOTTE, DAY, DAY, "r-1", DAY, 1, "décret 2022-1340"),
        new AfisGranted(D, "31", 43_200, Territory.MAINLAND, DAY, DAY, null, null, null, null),
        new AfisRefused(
            D,
            "31",
            AfisRefusalReason.UNDER_18,
            DAY,
            List.of(AfisRefusalReason.UNDER_18, AfisRefusalReason.RECEIVES_ADA),
            "r-1"),
        new AfisRefused(D, "31", AfisRefusalReason.RECEIVES_ADA, DAY, null, null),
        new AfisRenewed(D, "31", DAY, DAY.plusMonths(6)),
        new AfisPaid(
            D,
            "31",
            MONTH,
            23_690,
            43_200,
            Territory.MAINLAND,
            1,
            "décret 2017-542",
            25_000L,
            "décret 2020-1803",
            "run-1",
            DAY),
        new AfisSuspended(D, "31", DAY, MONTH.plusMonths(1), AfisStopReason.COMMITMENTS_BROKEN),
        new AfisResumed(D, "31", DAY, MONTH.plusMonths(1)),
        new AfisReassessed(D, "31", DAY, MONTH.plusMonths(1), 2, 55_536),
        new AfisEnded(D, "31", DAY, DAY, MONTH, AfisEndReason.PATHWAY_ENDED),
        new AfisEnded(D, "31", DAY, DAY, null, AfisEndReason.COMMITMENTS_BROKEN),
        new AfisOverpaymentRecorded(
            D, "31", DAY, List.of(new AfisOverpaymentRecorded.Overpaid(MONTH, 20_860))),
        new EmploymentRecorded(
            D, "31", ContractType.CDD, DAY, BigDecimal.valueOf(24), "e-1", DAY.plusMonths(6)),
        new EmploymentRecorded(D, "31", ContractType.CDI, DAY, BigDecimal.valueOf(35), null, null),
        new EmploymentEnded(D, "31", "e-1", DAY),
        new TrainingRecorded(D, "31", "t-1", DAY, null, null),
        new TrainingEnded(D, "31", "t-1", DAY),
        new HousingStepRecorded(D, "31", HousingStep.SOCIAL_HOUSING, DAY));
  }

  @ParameterizedTest
  @MethodSource("publishedEvents")
  void theOutboxWritesWhatTheContractDescribes(Object internal) {
    IntegrationEvent published = mapper.map(internal).orElseThrow();

    assertThat(published.dossierId()).isEqualTo(D);
    EventContract.of(published.type()).assertValid(EventJson.write(published.data()));
  }

  @Test
  void monthsTravelAsYearAndMonth() {
    String json =
        EventJson.write(
            mapper.map(new AfisResumed(D, "31", DAY, YearMonth.of(2023, 1))).orElseThrow().data());

    assertThat(json).contains("\"fromMonth\":\"2023-01\"");
  }

  @Test
  void aRefusalStoredWithItsFirstReasonOnlyPublishesThatReasonAsEveryReason() {
    String json =
        EventJson.write(
            mapper
                .map(new AfisRefused(D, "31", AfisRefusalReason.RECEIVES_ADA, DAY, null, null))
                .orElseThrow()
                .data());

    assertThat(json).contains("\"reasons\":[\"RECEIVES_ADA\"]");
  }

  @Test
  void whatStaysPrivateIsNotPublished() {
    assertThat(
            mapper.map(
                new BeneficiaryRegistered(
                    D, "31", DAY, DAY, DAY, null, "NG", "FROM_25_TO_34", 1, true, null)))
        .isEmpty();
    assertThat(mapper.map(new PathwayEnded(D, "31", DAY, DAY))).isEmpty();
    String request =
        EventJson.write(
            mapper
                .map(
                    new AfisRequested(
                        D,
                        "31",
                        "r-1",
                        DAY,
                        2,
                        12_345,
                        true,
                        true,
                        ResidenceDocument.RECEIPT,
                        "UNDER_18"))
                .orElseThrow()
                .data());
    assertThat(request).doesNotContain("12345", "receives", "RECEIPT", "UNDER_18");
  }
}
