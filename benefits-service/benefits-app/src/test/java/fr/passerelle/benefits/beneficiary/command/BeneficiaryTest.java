package fr.passerelle.benefits.beneficiary.command;

import static fr.passerelle.benefits.Beneficiaries.DECIDED_ON;
import static fr.passerelle.benefits.Beneficiaries.PATHWAY_END;
import static fr.passerelle.benefits.Beneficiaries.PATHWAY_START;
import static fr.passerelle.benefits.Beneficiaries.aPermanentJob;
import static fr.passerelle.benefits.Beneficiaries.aValidation;
import static fr.passerelle.benefits.Beneficiaries.anyDossierId;
import static fr.passerelle.benefits.Beneficiaries.registered;

import fr.passerelle.benefits.Beneficiaries;
import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.OpenRightsCommand;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeneficiaryTest {

  private AggregateTestFixture<Beneficiary> fixture;
  private final String dossierId = anyDossierId();

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Beneficiary.class);
    fixture.registerInjectableResource(Beneficiaries.theRightsPolicy());
  }

  @Test
  void foreignNationalGetsAPermitForThePathwaysTerm() {
    OpenRightsCommand validation = aValidation(dossierId).ofNationality("NG").command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            registered(validation),
            new PermitIssued(dossierId, "31", PATHWAY_START, PATHWAY_END),
            afisGranted(43_200, Territory.MAINLAND));
  }

  @Test
  void europeanNationalGetsNoPermit() {
    OpenRightsCommand validation = aValidation(dossierId).ofNationality("RO").command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered(validation), afisGranted(43_200, Territory.MAINLAND));
  }

  @Test
  void asylumSeekerAllowanceMeansNoAfis() {
    OpenRightsCommand validation = aValidation(dossierId).receivingAda().command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            registered(validation),
            new PermitIssued(dossierId, "31", PATHWAY_START, PATHWAY_END),
            afisRefused(AfisRefusalReason.RECEIVES_ADA));
  }

  @Test
  void minorGetsNoAfis() {
    OpenRightsCommand validation =
        aValidation(dossierId).ofNationality("FR").aged("UNDER_18").command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered(validation), afisRefused(AfisRefusalReason.UNDER_18));
  }

  @Test
  void resourcesAboveRsaMeanNoAfis() {
    // RSA for one person on 18 April 2019: 559.74 €.
    OpenRightsCommand validation =
        aValidation(dossierId).ofNationality("FR").withMonthlyResources(560).command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered(validation), afisRefused(AfisRefusalReason.RESOURCES_ABOVE_RSA));
  }

  @Test
  void eligibleBeneficiaryGetsTheScaleAmount() {
    OpenRightsCommand validation =
        aValidation(dossierId)
            .ofNationality("FR")
            .withChildren(2)
            .withMonthlyResources(559)
            .command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered(validation), afisGranted(53_400, Territory.MAINLAND));
  }

  @Test
  void mayotteBeneficiaryGetsTheMayotteAmount() {
    OpenRightsCommand validation =
        aValidation(dossierId).ofNationality("FR").inDepartment("976").command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            registered(validation),
            new AfisGranted(
                dossierId, "976", 21_600, Territory.MAYOTTE, PATHWAY_START, PATHWAY_END));
  }

  @Test
  void theAccompanyingAssociationIsRegistered() {
    OpenRightsCommand validation = aValidation(dossierId).ofNationality("FR").command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new BeneficiaryRegistered(
                dossierId,
                "31",
                DECIDED_ON,
                PATHWAY_START,
                PATHWAY_END,
                Beneficiaries.ASSOCIATION_ID),
            afisGranted(43_200, Territory.MAINLAND));
  }

  @Test
  void aValidationNamingNoAssociationRegistersNone() {
    OpenRightsCommand validation =
        aValidation(dossierId).ofNationality("FR").accompaniedBy(null).command();

    fixture
        .givenNoPriorActivity()
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new BeneficiaryRegistered(
                dossierId, "31", DECIDED_ON, PATHWAY_START, PATHWAY_END, null),
            afisGranted(43_200, Territory.MAINLAND));
  }

  @Test
  void redeliveredValidationIsIgnored() {
    OpenRightsCommand validation = aValidation(dossierId).command();

    fixture
        .given(
            registered(validation),
            new PermitIssued(dossierId, "31", PATHWAY_START, PATHWAY_END),
            afisGranted(43_200, Territory.MAINLAND))
        .when(validation)
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void employmentDuringThePathwayIsRecorded() {
    fixture
        .given(registered(aValidation(dossierId).command()))
        .when(aPermanentJob(dossierId, PATHWAY_START.plusMonths(4)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new EmploymentRecorded(
                dossierId,
                "31",
                ContractType.CDI,
                PATHWAY_START.plusMonths(4),
                BigDecimal.valueOf(35)));
  }

  @Test
  void employmentBeforeThePathwayIsRefused() {
    fixture
        .given(registered(aValidation(dossierId).command()))
        .when(aPermanentJob(dossierId, PATHWAY_START.minusDays(1)))
        .expectException(EmploymentBeforePathwayException.class)
        .expectNoEvents();
  }

  @Test
  void anotherDepartementCannotRecordAnEmployment() {
    fixture
        .given(registered(aValidation(dossierId).inDepartment("75").command()))
        .when(aPermanentJob(dossierId, PATHWAY_START))
        .expectException(UnknownBeneficiaryException.class)
        .expectNoEvents();
  }

  private AfisGranted afisGranted(long monthlyAmountCents, Territory territory) {
    return new AfisGranted(
        dossierId, "31", monthlyAmountCents, territory, PATHWAY_START, PATHWAY_END);
  }

  private AfisRefused afisRefused(AfisRefusalReason reason) {
    return new AfisRefused(dossierId, "31", reason, DECIDED_ON);
  }
}
