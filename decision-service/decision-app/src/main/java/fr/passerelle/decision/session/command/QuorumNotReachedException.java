package fr.passerelle.decision.session.command;

import fr.passerelle.edge.refusal.ConflictException;

/** A first convocation without enough members present or represented. */
public class QuorumNotReachedException extends ConflictException {

  QuorumNotReachedException(int attending, int membersTotal, int required) {
    super(
        ("Quorum non atteint : %d membre(s) présent(s) ou représenté(s) sur %d, il en faut au"
                + " moins %d. La commission peut siéger sans quorum sur seconde convocation.")
            .formatted(attending, membersTotal, required));
  }
}
