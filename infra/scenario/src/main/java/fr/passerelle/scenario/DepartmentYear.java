package fr.passerelle.scenario;

import java.util.List;

/**
 * A département's year: its commission's seats (the préfet, who chairs, first), its approved
 * associations and the dossiers it studied.
 */
public record DepartmentYear(
    String departmentCode,
    List<CommissionSeat> commission,
    List<String> associations,
    List<Beneficiary> dossiers) {

  public long validated() {
    return dossiers.stream().filter(Beneficiary::validated).count();
  }

  public int commissionMembers() {
    return commission.size();
  }
}
