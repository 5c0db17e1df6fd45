package fr.passerelle.decision.motivation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The préfet's motivations, one per decision (CRPA L211-2). They may name the person, so they stay
 * in this table, never in an event: only the decision's reason code travels, and erasure can remove
 * a text by its dossier. Written by {@link MotivationKeeping} in the transaction of the decision's
 * command, so that a refused decision keeps no motivation.
 */
@Component
class Motivations {

  private final JdbcTemplate jdbc;

  Motivations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps {@code motivation} of decision {@code decisionId}; nothing when there is none. */
  void keep(
      String decisionId,
      String dossierId,
      String departmentCode,
      String decision,
      String motivation) {
    if (motivation == null || motivation.isBlank()) {
      return;
    }
    jdbc.update(
        "INSERT INTO decision_motivation (decision_id, dossier_id, department_code, decision,"
            + " motivation) VALUES (?, ?, ?, ?, ?)",
        decisionId,
        dossierId,
        departmentCode,
        decision,
        motivation.strip());
  }
}
