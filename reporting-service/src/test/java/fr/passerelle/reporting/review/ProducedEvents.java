package fr.passerelle.reporting.review;

import fr.passerelle.benefits.events.AfisEndReason;
import fr.passerelle.benefits.events.AfisEnded;
import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.AfisPaid;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.AfisRefused;
import fr.passerelle.benefits.events.AfisRenewed;
import fr.passerelle.benefits.events.AfisStopReason;
import fr.passerelle.benefits.events.AfisSuspended;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.EmploymentEnded;
import fr.passerelle.benefits.events.EmploymentRecorded;
import fr.passerelle.benefits.events.HousingStep;
import fr.passerelle.benefits.events.HousingStepRecorded;
import fr.passerelle.benefits.events.PermitEndReason;
import fr.passerelle.benefits.events.PermitEnded;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.benefits.events.PermitRenewed;
import fr.passerelle.benefits.events.TrainingRecorded;
import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.EndReason;
import fr.passerelle.decision.events.PathwayEnded;
import fr.passerelle.decision.events.PathwayRefused;
import fr.passerelle.decision.events.PathwayRenewalRefused;
import fr.passerelle.decision.events.PathwayRenewed;
import fr.passerelle.decision.events.PathwayValidated;
import fr.passerelle.decision.events.RenewalRefusalReason;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.eventbus.EventJson;
import fr.passerelle.testsupport.TestEvents;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Integration events as decision-service and benefits-service publish them: each starts from the
 * producer's golden sample, takes new ids and the facts a test needs, and is checked against the
 * published schema before it is sent.
 */
final class ProducedEvents {

  private static final EventContract SUBMITTED = EventContract.of(DossierSubmitted.TYPE);
  private static final EventContract VALIDATED = EventContract.of(PathwayValidated.TYPE);
  private static final EventContract REFUSED = EventContract.of(PathwayRefused.TYPE);
  private static final EventContract PERMIT = EventContract.of(PermitIssued.TYPE);
  private static final EventContract AFIS_GRANTED = EventContract.of(AfisGranted.TYPE);
  private static final EventContract AFIS_REFUSED = EventContract.of(AfisRefused.TYPE);
  private static final EventContract EMPLOYMENT = EventContract.of(EmploymentRecorded.TYPE);
  private static final EventContract RENEWAL_REQUESTED = EventContract.of(RenewalRequested.TYPE);
  private static final EventContract RENEWED = EventContract.of(PathwayRenewed.TYPE);
  private static final EventContract RENEWAL_REFUSED = EventContract.of(PathwayRenewalRefused.TYPE);
  private static final EventContract ENDED = EventContract.of(PathwayEnded.TYPE);
  private static final EventContract PERMIT_RENEWED = EventContract.of(PermitRenewed.TYPE);
  private static final EventContract PERMIT_ENDED = EventContract.of(PermitEnded.TYPE);
  private static final EventContract AFIS_RENEWED = EventContract.of(AfisRenewed.TYPE);
  private static final EventContract AFIS_SUSPENDED = EventContract.of(AfisSuspended.TYPE);
  private static final EventContract AFIS_ENDED = EventContract.of(AfisEnded.TYPE);
  private static final EventContract AFIS_PAID = EventContract.of(AfisPaid.TYPE);
  private static final EventContract EMPLOYMENT_ENDED = EventContract.of(EmploymentEnded.TYPE);
  private static final EventContract TRAINING = EventContract.of(TrainingRecorded.TYPE);
  private static final EventContract HOUSING = EventContract.of(HousingStepRecorded.TYPE);

  private ProducedEvents() {}

  /** One event ready to be sent on its topic, keyed by its dossier. */
  record Produced(String topic, String type, String dossierId, String json) {

    /** Sends it under a new event id, which is returned. */
    String send() {
      String eventId = UUID.randomUUID().toString();
      send(eventId);
      return eventId;
    }

    /** Sends it under {@code eventId}: twice with the same id is a redelivery. */
    void send(String eventId) {
      TestEvents.send(topic, eventId, type, dossierId, json);
    }

    /** The record of it under a new event id, for a producer of one's own. */
    ProducerRecord<String, String> record() {
      return TestEvents.record(topic, UUID.randomUUID().toString(), type, dossierId, json);
    }
  }

  static String aDossierId() {
    return UUID.randomUUID().toString();
  }

  /** The association submitted the dossier on {@code submittedOn}, at ten in Paris. */
  static Produced submitted(
      String dossierId,
      String departmentCode,
      String nationality,
      boolean traffickingVictim,
      LocalDate submittedOn) {
    return submission(
        dossierId,
        departmentCode,
        nationality,
        traffickingVictim,
        submittedOn.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Europe/Paris")).toInstant(),
        submittedOn);
  }

  /**
   * A submission as dossier-service published it before 0.4: no day of its own, only the time it
   * was recorded.
   */
  static Produced submittedWithoutItsDate(
      String dossierId, String departmentCode, java.time.Instant recordedAt) {
    DossierSubmitted golden = golden(SUBMITTED, DossierSubmitted.class);
    return submission(
        dossierId,
        departmentCode,
        golden.nationality(),
        golden.traffickingVictim(),
        recordedAt,
        null);
  }

  /** A submission dated {@code submittedOn} by the association, recorded at {@code recordedAt}. */
  static Produced submittedOn(
      String dossierId,
      String departmentCode,
      LocalDate submittedOn,
      java.time.Instant recordedAt) {
    DossierSubmitted golden = golden(SUBMITTED, DossierSubmitted.class);
    return submission(
        dossierId,
        departmentCode,
        golden.nationality(),
        golden.traffickingVictim(),
        recordedAt,
        submittedOn);
  }

  /**
   * The golden submission with its own dossier, département, nationality, victimhood and dates
   * ({@code submittedOn} {@code null}: as published before 0.4).
   */
  private static Produced submission(
      String dossierId,
      String departmentCode,
      String nationality,
      boolean traffickingVictim,
      java.time.Instant submittedAt,
      LocalDate submittedOn) {
    DossierSubmitted golden = golden(SUBMITTED, DossierSubmitted.class);
    return produced(
        DossierEvents.TOPIC,
        SUBMITTED,
        dossierId,
        new DossierSubmitted(
            dossierId,
            departmentCode,
            nationality,
            golden.children(),
            traffickingVictim,
            submittedAt,
            null,
            golden.associationId(),
            golden.ageBand(),
            golden.monthlyResources(),
            golden.receivesRsa(),
            golden.receivesAda(),
            golden.personPseudonym(),
            golden.procuringVictim(),
            submittedOn));
  }

  static Produced validated(
      String dossierId,
      String departmentCode,
      String nationality,
      boolean traffickingVictim,
      LocalDate decidedOn) {
    PathwayValidated golden = golden(VALIDATED, PathwayValidated.class);
    LocalDate start = decidedOn.withDayOfMonth(1).plusMonths(1);
    return produced(
        DecisionEvents.TOPIC,
        VALIDATED,
        dossierId,
        new PathwayValidated(
            dossierId,
            departmentCode,
            UUID.randomUUID().toString(),
            nationality,
            golden.ageBand(),
            golden.children(),
            traffickingVictim,
            golden.monthlyResources(),
            golden.receivesRsa(),
            golden.receivesAda(),
            decidedOn,
            start,
            sixMonthsFrom(start),
            golden.associationId()));
  }

  static Produced refused(
      String dossierId,
      String departmentCode,
      String nationality,
      boolean traffickingVictim,
      LocalDate decidedOn) {
    PathwayRefused golden = golden(REFUSED, PathwayRefused.class);
    return produced(
        DecisionEvents.TOPIC,
        REFUSED,
        dossierId,
        new PathwayRefused(
            dossierId, departmentCode, nationality, traffickingVictim, golden.reason(), decidedOn));
  }

  static Produced permit(String dossierId, String departmentCode, LocalDate validFrom) {
    return produced(
        BenefitsEvents.TOPIC,
        PERMIT,
        dossierId,
        new PermitIssued(dossierId, departmentCode, validFrom, sixMonthsFrom(validFrom)));
  }

  static Produced afisGranted(
      String dossierId, String departmentCode, long monthlyAmountCents, LocalDate from) {
    AfisGranted golden = golden(AFIS_GRANTED, AfisGranted.class);
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_GRANTED,
        dossierId,
        new AfisGranted(
            dossierId,
            departmentCode,
            monthlyAmountCents,
            golden.territory(),
            from,
            sixMonthsFrom(from)));
  }

  static Produced afisRefused(
      String dossierId, String departmentCode, AfisRefusalReason reason, LocalDate decidedOn) {
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_REFUSED,
        dossierId,
        new AfisRefused(dossierId, departmentCode, reason, decidedOn));
  }

  static Produced employment(
      String dossierId, String departmentCode, ContractType contractType, LocalDate startDate) {
    EmploymentRecorded golden = golden(EMPLOYMENT, EmploymentRecorded.class);
    return produced(
        BenefitsEvents.TOPIC,
        EMPLOYMENT,
        dossierId,
        new EmploymentRecorded(
            dossierId, departmentCode, contractType, startDate, golden.weeklyHours()));
  }

  /** The préfecture renewed the permit for another six months from {@code validFrom}. */
  static Produced permitRenewed(
      String dossierId, String departmentCode, LocalDate decidedOn, LocalDate validFrom) {
    return produced(
        BenefitsEvents.TOPIC,
        PERMIT_RENEWED,
        dossierId,
        new PermitRenewed(
            dossierId, departmentCode, decidedOn, validFrom, sixMonthsFrom(validFrom), true));
  }

  static Produced permitEnded(
      String dossierId, String departmentCode, LocalDate endedOn, PermitEndReason reason) {
    return produced(
        BenefitsEvents.TOPIC,
        PERMIT_ENDED,
        dossierId,
        new PermitEnded(dossierId, departmentCode, endedOn, reason));
  }

  /** An AFIS refusal with every condition found unmet, the first one first. */
  static Produced afisRefused(
      String dossierId,
      String departmentCode,
      LocalDate decidedOn,
      List<AfisRefusalReason> reasons) {
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_REFUSED,
        dossierId,
        new AfisRefused(
            dossierId,
            departmentCode,
            reasons.get(0),
            decidedOn,
            reasons,
            UUID.randomUUID().toString()));
  }

  static Produced afisRenewed(
      String dossierId, String departmentCode, LocalDate decidedOn, LocalDate until) {
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_RENEWED,
        dossierId,
        new AfisRenewed(dossierId, departmentCode, decidedOn, until));
  }

  static Produced afisSuspended(
      String dossierId, String departmentCode, LocalDate decidedOn, YearMonth fromMonth) {
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_SUSPENDED,
        dossierId,
        new AfisSuspended(
            dossierId, departmentCode, decidedOn, fromMonth, AfisStopReason.COMMITMENTS_BROKEN));
  }

  static Produced afisEnded(
      String dossierId, String departmentCode, LocalDate decidedOn, LocalDate endedOn) {
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_ENDED,
        dossierId,
        new AfisEnded(
            dossierId,
            departmentCode,
            decidedOn,
            endedOn,
            YearMonth.from(endedOn),
            AfisEndReason.PATHWAY_ENDED));
  }

  /** The paying body paid {@code month} in full on {@code paidOn}. */
  static Produced afisPaid(
      String dossierId,
      String departmentCode,
      YearMonth month,
      long amountCents,
      LocalDate paidOn) {
    AfisPaid golden = golden(AFIS_PAID, AfisPaid.class);
    return produced(
        BenefitsEvents.TOPIC,
        AFIS_PAID,
        dossierId,
        new AfisPaid(
            dossierId,
            departmentCode,
            month,
            amountCents,
            amountCents,
            golden.territory(),
            golden.children(),
            golden.scaleReference(),
            null,
            null,
            UUID.randomUUID().toString(),
            paidOn));
  }

  /** A job named {@code employmentId}, ending on {@code plannedEnd} when its contract says so. */
  static Produced employment(
      String dossierId,
      String departmentCode,
      String employmentId,
      ContractType contractType,
      LocalDate startDate,
      LocalDate plannedEnd) {
    EmploymentRecorded golden = golden(EMPLOYMENT, EmploymentRecorded.class);
    return produced(
        BenefitsEvents.TOPIC,
        EMPLOYMENT,
        dossierId,
        new EmploymentRecorded(
            dossierId,
            departmentCode,
            contractType,
            startDate,
            golden.weeklyHours(),
            employmentId,
            plannedEnd));
  }

  static Produced employmentEnded(
      String dossierId, String departmentCode, String employmentId, LocalDate endDate) {
    return produced(
        BenefitsEvents.TOPIC,
        EMPLOYMENT_ENDED,
        dossierId,
        new EmploymentEnded(dossierId, departmentCode, employmentId, endDate));
  }

  static Produced training(
      String dossierId, String departmentCode, LocalDate startDate, LocalDate plannedEnd) {
    TrainingRecorded golden = golden(TRAINING, TrainingRecorded.class);
    return produced(
        BenefitsEvents.TOPIC,
        TRAINING,
        dossierId,
        new TrainingRecorded(
            dossierId,
            departmentCode,
            UUID.randomUUID().toString(),
            startDate,
            plannedEnd,
            golden.weeklyHours()));
  }

  static Produced housingStep(
      String dossierId, String departmentCode, HousingStep step, LocalDate from) {
    return produced(
        BenefitsEvents.TOPIC,
        HOUSING,
        dossierId,
        new HousingStepRecorded(dossierId, departmentCode, step, from));
  }

  static Produced renewalRequested(String dossierId, String departmentCode, LocalDate requestedOn) {
    RenewalRequested golden = golden(RENEWAL_REQUESTED, RenewalRequested.class);
    return produced(
        DossierEvents.TOPIC,
        RENEWAL_REQUESTED,
        dossierId,
        new RenewalRequested(
            dossierId,
            departmentCode,
            UUID.randomUUID().toString(),
            golden.associationId(),
            requestedOn));
  }

  /** The préfet renewed the pathway for {@code termNumber}, starting the day after {@code end}. */
  static Produced renewed(
      String dossierId,
      String departmentCode,
      int termNumber,
      LocalDate decidedOn,
      LocalDate start) {
    return produced(
        DecisionEvents.TOPIC,
        RENEWED,
        dossierId,
        new PathwayRenewed(
            dossierId,
            departmentCode,
            termNumber,
            decidedOn,
            start,
            sixMonthsFrom(start),
            6 * termNumber));
  }

  static Produced renewalRefused(
      String dossierId,
      String departmentCode,
      int termNumber,
      LocalDate decidedOn,
      LocalDate currentTermEnd) {
    return produced(
        DecisionEvents.TOPIC,
        RENEWAL_REFUSED,
        dossierId,
        new PathwayRenewalRefused(
            dossierId,
            departmentCode,
            termNumber,
            RenewalRefusalReason.COMMITMENTS_NOT_KEPT,
            decidedOn,
            currentTermEnd));
  }

  static Produced ended(
      String dossierId,
      String departmentCode,
      EndReason reason,
      LocalDate lastDay,
      LocalDate decidedOn,
      int termNumber) {
    return produced(
        DecisionEvents.TOPIC,
        ENDED,
        dossierId,
        new PathwayEnded(
            dossierId, departmentCode, reason, lastDay, decidedOn, termNumber, 6 * termNumber));
  }

  private static LocalDate sixMonthsFrom(LocalDate first) {
    return first.plusMonths(6).minusDays(1);
  }

  private static <T> T golden(EventContract contract, Class<T> type) {
    return EventJson.read(contract.goldenSample(), type);
  }

  private static Produced produced(
      String topic, EventContract contract, String dossierId, Object event) {
    String json = EventJson.write(event);
    contract.assertValid(json);
    return new Produced(topic, contract.type(), dossierId, json);
  }
}
