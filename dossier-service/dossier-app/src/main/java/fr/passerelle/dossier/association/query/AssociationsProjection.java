package fr.passerelle.dossier.association.query;

import fr.passerelle.dossier.association.api.ApprovalRenewed;
import fr.passerelle.dossier.association.api.AssociationApproved;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approved associations of each département, projected from their events. Subscribing, so that
 * an association is known as soon as its approval is recorded.
 */
@Component
@ProcessingGroup(AssociationsProjection.NAME)
public class AssociationsProjection {

  public static final String NAME = "associations";

  private final JdbcTemplate jdbc;

  AssociationsProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(AssociationApproved event) {
    jdbc.update(
        """
        INSERT INTO approved_association
          (association_id, department_code, name, approved_from, approved_until)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (association_id) DO NOTHING
        """,
        event.associationId(),
        event.departmentCode(),
        event.name(),
        Date.valueOf(event.approvedFrom()),
        Date.valueOf(event.approvedUntil()));
  }

  @EventHandler
  void on(ApprovalRenewed event) {
    jdbc.update(
        "UPDATE approved_association SET approved_until = ? WHERE association_id = ?",
        Date.valueOf(event.approvedUntil()),
        event.associationId());
  }

  public List<AssociationView> inDepartment(String departmentCode) {
    return jdbc.query(
        "SELECT * FROM approved_association WHERE department_code = ? ORDER BY name",
        (rs, row) -> view(rs),
        departmentCode);
  }

  public Optional<AssociationView> find(String associationId) {
    return jdbc
        .query(
            "SELECT * FROM approved_association WHERE association_id = ?",
            (rs, row) -> view(rs),
            associationId)
        .stream()
        .findFirst();
  }

  private static AssociationView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AssociationView(
        rs.getString("association_id"),
        rs.getString("department_code"),
        rs.getString("name"),
        rs.getDate("approved_from").toLocalDate(),
        rs.getDate("approved_until").toLocalDate());
  }
}
