package fr.passerelle.benefits.beneficiary.command;

import static fr.passerelle.benefits.events.AfisRefusalReason.NO_RIGHT_TO_WORK;
import static fr.passerelle.benefits.events.AfisRefusalReason.RECEIVES_ADA;
import static fr.passerelle.benefits.events.AfisRefusalReason.RECEIVES_RSA;
import static fr.passerelle.benefits.events.AfisRefusalReason.RESOURCES_ABOVE_RSA;
import static fr.passerelle.benefits.events.AfisRefusalReason.UNDER_18;
import static fr.passerelle.benefits.events.PermitRefusalReason.FREE_MOVEMENT_NATIONAL;
import static fr.passerelle.benefits.events.PermitRefusalReason.NOT_A_VICTIM;
import static fr.passerelle.benefits.events.PermitRefusalReason.PATHWAY_NOT_AUTHORISED;
import static fr.passerelle.benefits.events.PermitRefusalReason.PROSTITUTION_NOT_CEASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.benefits.Beneficiaries;
import fr.passerelle.benefits.beneficiary.api.PaymentOutcome;
import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of the rights with the texts' figures: conditions, scales, months. */
class RightsPolicyTest {

  private final RightsPolicy policy = Beneficiaries.theRightsPolicy();

  /** CASF R121-12-13-1: every condition alone, then all together. */
  @Nested
  class AfisEligibility {

    @Test
    void anAdultWithAPermitAllowingWorkAndNoResourcesMeetsThemAll() {
      assertThat(policy.unmetAfisConditions(facts().build())).isEmpty();
    }

    @Test
    void someoneUnder18DoesNotMeetTheAge() {
      assertThat(policy.unmetAfisConditions(facts().aged("UNDER_18").build()))
          .containsExactly(UNDER_18);
    }

    @Test
    void aForeignNationalWithNeitherPermitNorDocumentHasNoRightToWork() {
      assertThat(policy.unmetAfisConditions(facts().withoutPermit().build()))
          .containsExactly(NO_RIGHT_TO_WORK);
    }

    @Test
    void aResidenceDocumentOrItsReceiptGivesTheRightToWork() {
      assertThat(
              policy.unmetAfisConditions(
                  facts().withoutPermit().holding(ResidenceDocument.RESIDENCE_PERMIT).build()))
          .isEmpty();
      assertThat(
              policy.unmetAfisConditions(
                  facts().withoutPermit().holding(ResidenceDocument.RECEIPT).build()))
          .isEmpty();
    }

    @Test
    void frenchEuropeanAndSwissNationalsNeedNoDocument() {
      for (String nationality : new String[] {"FR", "RO", "NO", "CH"}) {
        assertThat(
                policy.unmetAfisConditions(
                    facts().withoutPermit().ofNationality(nationality).build()))
            .as(nationality)
            .isEmpty();
      }
    }

    @Test
    void resourcesMustBeStrictlyBelowTheRsaInForceOnTheRequest() {
      // 646.52 € from 1 April 2025, 635.71 € before
      assertThat(policy.unmetAfisConditions(facts().resources(64_651).on("2025-04-01").build()))
          .isEmpty();
      assertThat(policy.unmetAfisConditions(facts().resources(64_652).on("2025-04-01").build()))
          .containsExactly(RESOURCES_ABOVE_RSA);
      assertThat(policy.unmetAfisConditions(facts().resources(64_000).on("2025-03-31").build()))
          .containsExactly(RESOURCES_ABOVE_RSA);
      assertThat(policy.unmetAfisConditions(facts().resources(64_000).on("2025-04-01").build()))
          .isEmpty();
    }

    @Test
    void receivingOrBeingEntitledToTheRsaExcludesTheAfis() {
      assertThat(policy.unmetAfisConditions(facts().receivingRsa().build()))
          .containsExactly(RECEIVES_RSA);
    }

    @Test
    void receivingOrBeingEntitledToTheAdaExcludesTheAfis() {
      assertThat(policy.unmetAfisConditions(facts().receivingAda().build()))
          .containsExactly(RECEIVES_ADA);
    }

    @Test
    void everyUnmetConditionIsListedInTheOrderOfTheText() {
      assertThat(
              policy.unmetAfisConditions(
                  facts()
                      .aged("UNDER_18")
                      .withoutPermit()
                      .resources(70_000)
                      .receivingRsa()
                      .receivingAda()
                      .build()))
          .containsExactly(
              UNDER_18, NO_RIGHT_TO_WORK, RESOURCES_ABOVE_RSA, RECEIVES_RSA, RECEIVES_ADA);
    }
  }

  /** CESEDA L425-4: every condition alone, then all together. */
  @Nested
  class PermitEligibility {

    @Test
    void aForeignVictimOfTraffickingWhoCeasedProstitutionInAnAuthorisedPathwayMeetsThemAll() {
      assertThat(policy.unmetPermitConditions(permit("NG", true, null, true, true))).isEmpty();
    }

    @Test
    void aVictimOfProcuringMeetsTheConditionAsAVictimOfTraffickingDoes() {
      assertThat(policy.unmetPermitConditions(permit("BR", false, true, true, true))).isEmpty();
    }

    @Test
    void eachConditionAlone() {
      assertThat(policy.unmetPermitConditions(permit("RO", true, null, true, true)))
          .containsExactly(FREE_MOVEMENT_NATIONAL);
      assertThat(policy.unmetPermitConditions(permit("BR", false, null, true, true)))
          .as("not known as a victim of procuring")
          .containsExactly(NOT_A_VICTIM);
      assertThat(policy.unmetPermitConditions(permit("BR", false, false, true, true)))
          .containsExactly(NOT_A_VICTIM);
      assertThat(policy.unmetPermitConditions(permit("NG", true, null, false, true)))
          .containsExactly(PROSTITUTION_NOT_CEASED);
      assertThat(policy.unmetPermitConditions(permit("NG", true, null, true, false)))
          .containsExactly(PATHWAY_NOT_AUTHORISED);
    }

    @Test
    void allTogether() {
      assertThat(policy.unmetPermitConditions(permit("FR", false, false, false, false)))
          .containsExactly(
              FREE_MOVEMENT_NATIONAL,
              NOT_A_VICTIM,
              PROSTITUTION_NOT_CEASED,
              PATHWAY_NOT_AUTHORISED);
    }

    @Test
    void aPermitLastsSixMonthsAtLeast() {
      assertThat(policy.shortestPermitUntil(LocalDate.of(2022, 8, 1)))
          .isEqualTo(LocalDate.of(2023, 1, 31));
      assertThat(policy.shortestPermitUntil(LocalDate.of(2022, 8, 31)))
          .isEqualTo(LocalDate.of(2023, 2, 27));
    }

    private PermitConditions permit(
        String nationality,
        boolean trafficking,
        Boolean procuring,
        boolean ceased,
        boolean pathway) {
      return new PermitConditions(nationality, trafficking, procuring, ceased, pathway);
    }
  }

  /** Each scale at its boundaries: a month is paid at the scale in force on its first day. */
  @Nested
  class Scales {

    @ParameterizedTest(name = "{0} {1}, {2} children: {3} cents ({4})")
    @CsvSource({
      "MAINLAND, 2017-05, 0, 33000, décret 2017-542",
      "MAINLAND, 2017-05, 1, 43200, décret 2017-542",
      "MAINLAND, 2022-10, 3, 63600, décret 2017-542",
      "MAINLAND, 2022-10, 5, 84000, décret 2017-542",
      "MAINLAND, 2022-11, 0, 34320, décret 2022-1340",
      "MAINLAND, 2022-11, 1, 44928, décret 2022-1340",
      "MAINLAND, 2022-11, 2, 55536, décret 2022-1340",
      "MAINLAND, 2022-11, 3, 66144, décret 2022-1340",
      "MAINLAND, 2022-11, 4, 76752, décret 2022-1340",
      "MAINLAND, 2026-11, 5, 87360, décret 2022-1340",
      "MAYOTTE, 2017-05, 1, 21600, décret 2017-542",
      "MAYOTTE, 2017-05, 4, 35000, décret 2017-542",
      "MAYOTTE, 2022-10, 0, 16500, décret 2017-542",
      "MAYOTTE, 2022-11, 0, 17160, décret 2022-1340",
      "MAYOTTE, 2025-11, 1, 22464, décret 2022-1340",
      "MAYOTTE, 2025-12, 0, 27972, barème de Mayotte de décembre 2025",
      "MAYOTTE, 2025-12, 3, 43884, barème de Mayotte de décembre 2025",
      "MAYOTTE, 2025-12, 5, 50540, barème de Mayotte de décembre 2025"
    })
    void theMonthsScale(
        Territory territory, String month, int children, long cents, String source) {
      YearMonth paid = YearMonth.parse(month);

      assertThat(policy.monthlyAmountCents(territory, paid, children)).isEqualTo(cents);
      assertThat(policy.afisScale(territory, paid).source()).isEqualTo(source);
    }

    @Test
    void aMonthWithNoScaleInForceOnItsFirstDayIsAnErrorNeverAnAmount() {
      // décret 2017-542 took effect on 15 April 2017
      assertThatThrownBy(
              () -> policy.monthlyAmountCents(Territory.MAINLAND, YearMonth.of(2017, 4), 0))
          .isInstanceOf(NoAfisScaleException.class)
          .hasMessageContaining("2017-04");
      assertThatThrownBy(
              () -> policy.monthlyAmountCents(Territory.MAYOTTE, YearMonth.of(2016, 12), 1))
          .isInstanceOf(NoAfisScaleException.class)
          .hasMessageContaining("Mayotte");
    }

    @Test
    void departementsOfMayottePayItsScale() {
      assertThat(RightsPolicy.territoryOf("976")).isEqualTo(Territory.MAYOTTE);
      assertThat(RightsPolicy.territoryOf("974")).isEqualTo(Territory.MAINLAND);
      assertThat(RightsPolicy.territoryOf("2A")).isEqualTo(Territory.MAINLAND);
    }
  }

  /** What a right owes month by month. */
  @Nested
  class Months {

    private final AfisRight right =
        AfisRight.granted(
            Territory.MAINLAND, LocalDate.of(2022, 8, 15), LocalDate.of(2023, 9, 15), 1);

    @Test
    void aFirstMonthTheRightCoversInPartIsPaidForItsDays() {
      // 432 € × 17 / 31 days = 236.903… €, rounded down to the cent
      assertThat(due(right, "2022-08"))
          .isEqualTo(
              new AfisMonth.Due(
                  YearMonth.of(2022, 8),
                  23_690,
                  43_200,
                  Territory.MAINLAND,
                  1,
                  "décret 2017-542",
                  null,
                  null));
    }

    @Test
    void aLastMonthTheRightCoversInPartIsPaidForItsDays() {
      // 449.28 € × 15 / 30 days
      assertThat(((AfisMonth.Due) due(right, "2023-09")).amountCents()).isEqualTo(22_464);
    }

    @Test
    void monthsBeforeAndAfterTheRevalorisationArePaidAtTheirScale() {
      assertThat(((AfisMonth.Due) due(right, "2022-10")).amountCents()).isEqualTo(43_200);
      assertThat(((AfisMonth.Due) due(right, "2022-11")).amountCents()).isEqualTo(44_928);
    }

    @Test
    void nothingIsDueOutsideTheRight() {
      assertThat(due(right, "2022-07"))
          .isEqualTo(new AfisMonth.NotDue(YearMonth.of(2022, 7), PaymentOutcome.Status.NOT_DUE));
      assertThat(due(right, "2023-10"))
          .isEqualTo(new AfisMonth.NotDue(YearMonth.of(2023, 10), PaymentOutcome.Status.NOT_DUE));
    }

    @Test
    void anEarlierEndEndsTheMonthsDue() {
      AfisRight ended = right.endedOn(LocalDate.of(2023, 3, 10));

      assertThat(((AfisMonth.Due) due(ended, "2023-03")).amountCents())
          .isEqualTo(44_928L * 10 / 31);
      assertThat(due(ended, "2023-04")).isInstanceOf(AfisMonth.NotDue.class);
    }

    @Test
    void aSuspensionHoldsTheMonthsFromItsFirstUntilItIsLifted() {
      AfisRight suspended =
          right.suspendedFrom(YearMonth.of(2022, 10)).resumedFrom(YearMonth.of(2022, 12));

      assertThat(due(suspended, "2022-09")).isInstanceOf(AfisMonth.Due.class);
      assertThat(due(suspended, "2022-10"))
          .isEqualTo(new AfisMonth.NotDue(YearMonth.of(2022, 10), PaymentOutcome.Status.SUSPENDED));
      assertThat(due(suspended, "2022-11")).isInstanceOf(AfisMonth.NotDue.class);
      assertThat(due(suspended, "2022-12")).isInstanceOf(AfisMonth.Due.class);
    }

    @Test
    void aChangeOfHouseholdCountsFromItsMonth() {
      AfisRight larger = right.withHousehold(YearMonth.of(2023, 2), 2);

      assertThat(((AfisMonth.Due) due(larger, "2023-01")).amountCents()).isEqualTo(44_928);
      assertThat(((AfisMonth.Due) due(larger, "2023-02")).amountCents()).isEqualTo(55_536);
    }

    @Test
    void aOneOffAidIsPaidWithItsMonthForTheHousehold() {
      AfisRight in2020 =
          AfisRight.granted(
              Territory.MAINLAND, LocalDate.of(2020, 9, 1), LocalDate.of(2021, 2, 28), 2);

      AfisMonth.Due december = (AfisMonth.Due) due(in2020, "2020-12");
      assertThat(december.oneOffAidCents()).isEqualTo(35_000);
      assertThat(december.oneOffAidReference()).isEqualTo("décret 2020-1803");
      assertThat(december.totalCents()).isEqualTo(53_400 + 35_000);
      assertThat(((AfisMonth.Due) due(in2020, "2021-01")).oneOffAidCents()).isNull();
    }

    @Test
    void aRightWithoutHouseholdOwesNothingUntilItIsRecorded() {
      AfisRight legacy =
          AfisRight.granted(
              Territory.MAINLAND, LocalDate.of(2022, 8, 1), LocalDate.of(2023, 1, 31), null);

      assertThat(due(legacy, "2022-09"))
          .isEqualTo(
              new AfisMonth.NotDue(YearMonth.of(2022, 9), PaymentOutcome.Status.HOUSEHOLD_UNKNOWN));
      assertThat(due(legacy.withHousehold(YearMonth.of(2022, 10), 0), "2022-10"))
          .isInstanceOf(AfisMonth.Due.class);
    }

    private AfisMonth due(AfisRight afis, String month) {
      return policy.due(afis, YearMonth.parse(month));
    }
  }

  private static Facts facts() {
    return new Facts();
  }

  /** The facts of an AFIS decision, changed one at a time. */
  private static final class Facts {

    private String ageBand = "FROM_25_TO_34";
    private String nationality = "NG";
    private ResidenceDocument document = ResidenceDocument.NONE;
    private boolean permit = true;
    private long resources;
    private LocalDate requestedOn = LocalDate.of(2022, 8, 3);
    private boolean rsa;
    private boolean ada;

    Facts aged(String band) {
      this.ageBand = band;
      return this;
    }

    Facts ofNationality(String code) {
      this.nationality = code;
      return this;
    }

    Facts withoutPermit() {
      this.permit = false;
      return this;
    }

    Facts holding(ResidenceDocument held) {
      this.document = held;
      return this;
    }

    Facts resources(long cents) {
      this.resources = cents;
      return this;
    }

    Facts on(String day) {
      this.requestedOn = LocalDate.parse(day);
      return this;
    }

    Facts receivingRsa() {
      this.rsa = true;
      return this;
    }

    Facts receivingAda() {
      this.ada = true;
      return this;
    }

    AfisConditions build() {
      return new AfisConditions(
          ageBand, nationality, document, permit, resources, requestedOn, rsa, ada);
    }
  }
}
