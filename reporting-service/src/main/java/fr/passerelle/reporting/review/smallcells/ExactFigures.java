package fr.passerelle.reporting.review.smallcells;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.util.Set;

/**
 * Who reads a département's exact figures: its own staff (its secretariat, préfecture and
 * auditors), who read its dossiers anyway. Every other reader (analysts, administrators) reads
 * figures that left the département: with small cells withheld (ADR 34).
 */
public final class ExactFigures {

  /** The département's own staff. */
  public static final Set<Role> STAFF = Set.of(Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR);

  private ExactFigures() {}

  public static boolean readBy(PasserelleUser caller) {
    return caller.roles().stream().anyMatch(STAFF::contains);
  }
}
