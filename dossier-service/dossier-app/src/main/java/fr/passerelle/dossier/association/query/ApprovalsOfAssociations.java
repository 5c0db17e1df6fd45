package fr.passerelle.dossier.association.query;

import fr.passerelle.dossier.intake.command.Approvals;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the dossier's approval question from the associations' projection. */
@Component
class ApprovalsOfAssociations implements Approvals {

  private final AssociationsProjection associations;

  ApprovalsOfAssociations(AssociationsProjection associations) {
    this.associations = associations;
  }

  @Override
  public Optional<Approval> of(String associationId, String departmentCode) {
    return associations
        .find(associationId)
        .filter(a -> a.departmentCode().equals(departmentCode))
        .map(a -> new Approval(a.approvedFrom(), a.approvedUntil()));
  }
}
