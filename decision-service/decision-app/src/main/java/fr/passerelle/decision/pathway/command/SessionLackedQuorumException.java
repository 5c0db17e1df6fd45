package fr.passerelle.decision.pathway.command;

import fr.passerelle.edge.refusal.ConflictException;
import java.time.LocalDate;

/** An opinion asked of a session that lacked its quorum: the commission did not deliberate. */
public class SessionLackedQuorumException extends ConflictException {

  SessionLackedQuorumException(LocalDate date) {
    super(
        ("La séance du %s n'a pas atteint son quorum : la commission n'y a pas délibéré. Une"
                + " seconde convocation, avec le même ordre du jour, siège sans quorum.")
            .formatted(DomainDates.french(date)));
  }
}
