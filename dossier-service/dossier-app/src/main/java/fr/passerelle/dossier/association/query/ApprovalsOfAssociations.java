package fr.passerelle.dossier.association.query;

import fr.passerelle.dossier.intake.command.Approvals;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Answers the dossier's approval question from the associations' projection. */
@Component
class ApprovalsOfAssociations implements Approvals {

  private final AssociationsProjection associations;

  ApprovalsOfAssociations(AssociationsProjection associations) {
    this.associations = associations;
  }

  @Override
  public boolean approved(String associationId, String departmentCode, LocalDate day) {
    return associations
        .find(associationId)
        .filter(a -> a.departmentCode().equals(departmentCode))
        .filter(a -> a.approvedOn(day))
        .isPresent();
  }
}
