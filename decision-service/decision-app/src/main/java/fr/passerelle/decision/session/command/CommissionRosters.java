package fr.passerelle.decision.session.command;

import fr.passerelle.decision.session.api.Member;
import java.util.List;

/** The members of each département's commission, as a session's rules see them. */
@FunctionalInterface
public interface CommissionRosters {

  /** The members of the commission of {@code departmentCode} today (none if none was named). */
  List<Member> membersOf(String departmentCode);
}
