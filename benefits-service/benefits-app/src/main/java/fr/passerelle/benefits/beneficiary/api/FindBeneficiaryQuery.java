package fr.passerelle.benefits.beneficiary.api;

import java.util.Objects;

/** The rights of one beneficiary, only when the dossier belongs to {@code departmentCode}. */
public record FindBeneficiaryQuery(String departmentCode, String dossierId) {

  public FindBeneficiaryQuery {
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(dossierId, "dossierId");
  }
}
