package fr.passerelle.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A département's commission over a period: its seats (the préfet, who chairs, first), its approved
 * associations, the days it sat and the dossiers it studied.
 *
 * @param sessions the days the commission sat, in order
 */
public record DepartmentYear(
    String departmentCode,
    List<CommissionSeat> commission,
    List<ApprovedAssociation> associations,
    List<LocalDate> sessions,
    List<Beneficiary> dossiers) {

  /** An association and the period of its approval (agrément) in the département. */
  public record ApprovedAssociation(String name, LocalDate approvedFrom, LocalDate approvedUntil) {}

  public long validated() {
    return dossiers.stream().filter(Beneficiary::validated).count();
  }

  public int commissionMembers() {
    return commission.size();
  }
}
