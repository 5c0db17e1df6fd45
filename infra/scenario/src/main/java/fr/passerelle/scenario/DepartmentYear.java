package fr.passerelle.scenario;

import java.util.List;

/**
 * A département's year: its commission's size, its approved associations and the dossiers it
 * studied.
 */
public record DepartmentYear(
    String departmentCode,
    int commissionMembers,
    List<String> associations,
    List<Beneficiary> dossiers) {

  public long validated() {
    return dossiers.stream().filter(Beneficiary::validated).count();
  }
}
