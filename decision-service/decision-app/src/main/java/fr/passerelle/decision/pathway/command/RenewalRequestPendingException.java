package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** An authorisation or a refusal of a first request on a pathway whose request is a renewal. */
public class RenewalRequestPendingException extends ConflictException {

  RenewalRequestPendingException() {
    super(
        "Ce parcours est déjà autorisé : la demande en attente est un renouvellement, sur lequel"
            + " le préfet décide par RENEW ou REFUSE_RENEWAL.");
  }
}
