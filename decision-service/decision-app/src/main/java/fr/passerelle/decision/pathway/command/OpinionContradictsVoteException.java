package fr.passerelle.decision.pathway.command;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.shared.command.InvalidCommandFieldException;

/** A favourable or unfavourable opinion that is not the one the members voted. */
public class OpinionContradictsVoteException extends InvalidCommandFieldException {

  OpinionContradictsVoteException(Opinion voted) {
    super(
        "opinion",
        "contraire au vote : la majorité des voix, ou celle du président en cas de partage, donne"
            + (voted == Opinion.FAVOURABLE ? " un avis favorable" : " un avis défavorable"));
  }
}
