package fr.passerelle.decision.pathway.command;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;

/** A favourable or unfavourable opinion that is not the one the members voted. */
public class OpinionContradictsVoteException extends InvalidRequestException {

  OpinionContradictsVoteException(Opinion voted) {
    super(
        FieldError.of(
            "opinion",
            "contraire au vote : la majorité des voix, ou celle du président en cas de partage, donne"
                + (voted == Opinion.FAVOURABLE ? " un avis favorable" : " un avis défavorable")));
  }
}
