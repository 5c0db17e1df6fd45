package fr.passerelle.decision.session.api;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The secretariat records a member of its département's commission, as the préfet's order names
 * them.
 *
 * @param commissionId the commission: {@link #commissionOf(String)} of the département
 * @param memberId the new member
 * @param name how the member is named in the minutes (a person or an office: "Le procureur de la
 *     République")
 * @param category whom the member represents
 * @param associationId for a member who represents an approved association, that association: the
 *     member takes no part in the vote on the dossiers it accompanies (optional)
 */
public record AppointMemberCommand(
    @TargetAggregateIdentifier String commissionId,
    String departmentCode,
    String memberId,
    String name,
    MemberCategory category,
    String associationId) {

  public AppointMemberCommand {
    Objects.requireNonNull(commissionId, "commissionId");
    Objects.requireNonNull(departmentCode, "departmentCode");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
  }

  /** The id of the commission of {@code departmentCode}: one per département. */
  public static String commissionOf(String departmentCode) {
    return "commission-" + departmentCode;
  }
}
