package fr.passerelle.benefits.beneficiary.web;

/** The paths of benefits-service's routes, as the route table names them. */
final class Paths {

  static final String DEPARTEMENT = "/api/departements/{departmentCode}";
  static final String BENEFICIARY = DEPARTEMENT + "/beneficiaries/{dossierId}";
  static final String RIGHTS = DEPARTEMENT + "/rights";

  private Paths() {}

  static String beneficiary(String departmentCode, String dossierId) {
    return "/api/departements/" + departmentCode + "/beneficiaries/" + dossierId;
  }
}
