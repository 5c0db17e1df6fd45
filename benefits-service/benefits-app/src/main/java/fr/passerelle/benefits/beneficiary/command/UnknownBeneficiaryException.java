package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.edge.refusal.NotFoundException;

/**
 * No beneficiary has this dossier id in this département. Said the same way whether the dossier
 * does not exist or belongs to another département, so as not to reveal the latter.
 */
public class UnknownBeneficiaryException extends NotFoundException {

  public UnknownBeneficiaryException() {
    super("Aucun bénéficiaire de ce département ne correspond à ce dossier.");
  }
}
