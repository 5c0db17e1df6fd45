package fr.passerelle.dossier.renewal.erasure;

import fr.passerelle.dossier.intake.api.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes the plans and achievements of a dossier's renewal requests when its person's data is
 * erased, in the erasure's own transaction: that free text may name the person, and it is kept in
 * clear beside the event store precisely so that it can go (ADR 31).
 */
@Component
@ProcessingGroup(RenewalPlanErasure.NAME)
class RenewalPlanErasure {

  static final String NAME = "renewal-plan-erasure";

  private final JdbcTemplate jdbc;

  RenewalPlanErasure(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(PersonalDataErased event) {
    jdbc.update("DELETE FROM renewal_plan WHERE dossier_id = ?", event.dossierId());
  }
}
