package fr.passerelle.benefits.publishing;

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
import fr.passerelle.benefits.beneficiary.api.EmploymentEnded;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.HousingStepRecorded;
import fr.passerelle.benefits.beneficiary.api.PermitEnded;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.benefits.beneficiary.api.PermitRefused;
import fr.passerelle.benefits.beneficiary.api.PermitRenewed;
import fr.passerelle.benefits.beneficiary.api.TrainingEnded;
import fr.passerelle.benefits.beneficiary.api.TrainingRecorded;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which internal events of benefits-service are published on {@code benefits.events}, and how:
 * decisions, payments and outcomes with their dates, amounts and reason codes. The beneficiary's
 * registration, the pathway's dates as benefits-service follows them, and what an AFIS request
 * states of resources, RSA, ADA and residence documents stay private, as do the payment runs.
 */
@Component
class BenefitsEventMapper implements IntegrationEventMapper {

  @Override
  public Optional<IntegrationEvent> map(Object internalEvent) {
    if (internalEvent instanceof PermitIssued e) {
      return published(
          fr.passerelle.benefits.events.PermitIssued.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.PermitIssued(
              e.dossierId(),
              e.departmentCode(),
              e.validFrom(),
              e.validUntil(),
              e.decidedOn(),
              true));
    }
    if (internalEvent instanceof PermitRenewed e) {
      return published(
          fr.passerelle.benefits.events.PermitRenewed.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.PermitRenewed(
              e.dossierId(),
              e.departmentCode(),
              e.decidedOn(),
              e.validFrom(),
              e.validUntil(),
              true));
    }
    if (internalEvent instanceof PermitRefused e) {
      return published(
          fr.passerelle.benefits.events.PermitRefused.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.PermitRefused(
              e.dossierId(), e.departmentCode(), e.decidedOn(), e.reason(), e.renewal()));
    }
    if (internalEvent instanceof PermitEnded e) {
      return published(
          fr.passerelle.benefits.events.PermitEnded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.PermitEnded(
              e.dossierId(), e.departmentCode(), e.endedOn(), e.reason()));
    }
    if (internalEvent instanceof AfisRequested e) {
      return published(
          fr.passerelle.benefits.events.AfisRequested.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisRequested(
              e.dossierId(), e.departmentCode(), e.requestId(), e.requestedOn(), e.children()));
    }
    if (internalEvent instanceof AfisGranted e) {
      return published(
          fr.passerelle.benefits.events.AfisGranted.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisGranted(
              e.dossierId(),
              e.departmentCode(),
              e.monthlyAmountCents(),
              e.territory(),
              e.from(),
              e.until(),
              e.requestId(),
              e.decidedOn(),
              e.children(),
              e.scaleReference()));
    }
    if (internalEvent instanceof AfisRefused e) {
      List<AfisRefusalReason> reasons = e.reasons() == null ? List.of(e.reason()) : e.reasons();
      return published(
          fr.passerelle.benefits.events.AfisRefused.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisRefused(
              e.dossierId(),
              e.departmentCode(),
              e.reason(),
              e.decidedOn(),
              reasons,
              e.requestId()));
    }
    if (internalEvent instanceof AfisRenewed e) {
      return published(
          fr.passerelle.benefits.events.AfisRenewed.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisRenewed(
              e.dossierId(), e.departmentCode(), e.decidedOn(), e.until()));
    }
    if (internalEvent instanceof AfisPaid e) {
      return published(
          fr.passerelle.benefits.events.AfisPaid.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisPaid(
              e.dossierId(),
              e.departmentCode(),
              e.month(),
              e.amountCents(),
              e.fullMonthAmountCents(),
              e.territory(),
              e.children(),
              e.scaleReference(),
              e.oneOffAidCents(),
              e.oneOffAidReference(),
              e.paymentRunId(),
              e.paidOn()));
    }
    if (internalEvent instanceof AfisSuspended e) {
      return published(
          fr.passerelle.benefits.events.AfisSuspended.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisSuspended(
              e.dossierId(), e.departmentCode(), e.decidedOn(), e.fromMonth(), e.reason()));
    }
    if (internalEvent instanceof AfisResumed e) {
      return published(
          fr.passerelle.benefits.events.AfisResumed.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisResumed(
              e.dossierId(), e.departmentCode(), e.decidedOn(), e.fromMonth()));
    }
    if (internalEvent instanceof AfisReassessed e) {
      return published(
          fr.passerelle.benefits.events.AfisReassessed.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisReassessed(
              e.dossierId(),
              e.departmentCode(),
              e.changedOn(),
              e.fromMonth(),
              e.children(),
              e.monthlyAmountCents()));
    }
    if (internalEvent instanceof AfisEnded e) {
      return published(
          fr.passerelle.benefits.events.AfisEnded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisEnded(
              e.dossierId(),
              e.departmentCode(),
              e.decidedOn(),
              e.endedOn(),
              e.lastMonth(),
              e.reason()));
    }
    if (internalEvent instanceof AfisOverpaymentRecorded e) {
      return published(
          fr.passerelle.benefits.events.AfisOverpaymentRecorded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisOverpaymentRecorded(
              e.dossierId(),
              e.departmentCode(),
              e.recordedOn(),
              e.months().stream().map(AfisOverpaymentRecorded.Overpaid::month).toList(),
              e.amountCents()));
    }
    if (internalEvent instanceof EmploymentRecorded e) {
      return published(
          fr.passerelle.benefits.events.EmploymentRecorded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.EmploymentRecorded(
              e.dossierId(),
              e.departmentCode(),
              e.contractType(),
              e.startDate(),
              e.weeklyHours(),
              e.employmentId(),
              e.endDate()));
    }
    if (internalEvent instanceof EmploymentEnded e) {
      return published(
          fr.passerelle.benefits.events.EmploymentEnded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.EmploymentEnded(
              e.dossierId(), e.departmentCode(), e.employmentId(), e.endDate()));
    }
    if (internalEvent instanceof TrainingRecorded e) {
      return published(
          fr.passerelle.benefits.events.TrainingRecorded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.TrainingRecorded(
              e.dossierId(),
              e.departmentCode(),
              e.trainingId(),
              e.startDate(),
              e.endDate(),
              e.weeklyHours()));
    }
    if (internalEvent instanceof TrainingEnded e) {
      return published(
          fr.passerelle.benefits.events.TrainingEnded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.TrainingEnded(
              e.dossierId(), e.departmentCode(), e.trainingId(), e.endDate()));
    }
    if (internalEvent instanceof HousingStepRecorded e) {
      return published(
          fr.passerelle.benefits.events.HousingStepRecorded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.HousingStepRecorded(
              e.dossierId(), e.departmentCode(), e.step(), e.from()));
    }
    return Optional.empty();
  }

  private static Optional<IntegrationEvent> published(String type, String dossierId, Object data) {
    return Optional.of(new IntegrationEvent(type, dossierId, data));
  }
}
