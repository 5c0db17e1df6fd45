package fr.passerelle.benefits.publishing;

import fr.passerelle.benefits.beneficiary.api.AfisGranted;
import fr.passerelle.benefits.beneficiary.api.AfisRefused;
import fr.passerelle.benefits.beneficiary.api.EmploymentRecorded;
import fr.passerelle.benefits.beneficiary.api.PermitIssued;
import fr.passerelle.eventbus.IntegrationEvent;
import fr.passerelle.eventbus.publish.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which internal events of benefits-service are published on {@code benefits.events}, and how.
 * {@code BeneficiaryRegistered} stays private.
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
              e.dossierId(), e.departmentCode(), e.validFrom(), e.validUntil()));
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
              e.until()));
    }
    if (internalEvent instanceof AfisRefused e) {
      return published(
          fr.passerelle.benefits.events.AfisRefused.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.AfisRefused(
              e.dossierId(), e.departmentCode(), e.reason(), e.decidedOn()));
    }
    if (internalEvent instanceof EmploymentRecorded e) {
      return published(
          fr.passerelle.benefits.events.EmploymentRecorded.TYPE,
          e.dossierId(),
          new fr.passerelle.benefits.events.EmploymentRecorded(
              e.dossierId(), e.departmentCode(), e.contractType(), e.startDate(), e.weeklyHours()));
    }
    return Optional.empty();
  }

  private static Optional<IntegrationEvent> published(String type, String dossierId, Object data) {
    return Optional.of(new IntegrationEvent(type, dossierId, data));
  }
}
