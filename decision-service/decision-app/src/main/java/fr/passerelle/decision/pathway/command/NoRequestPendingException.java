package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A running pathway goes back to the commission only through its association's renewal request. */
public class NoRequestPendingException extends ConflictException {

  NoRequestPendingException() {
    super(
        "Aucune demande en attente sur ce parcours : il ne revient devant la commission et le"
            + " préfet que sur une demande de renouvellement de l'association.");
  }
}
