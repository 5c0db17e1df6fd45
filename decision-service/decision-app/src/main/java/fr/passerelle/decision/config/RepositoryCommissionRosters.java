package fr.passerelle.decision.config;

import fr.passerelle.decision.session.api.AppointMemberCommand;
import fr.passerelle.decision.session.api.Member;
import fr.passerelle.decision.session.command.Commission;
import fr.passerelle.decision.session.command.CommissionRosters;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** The commissions' members as a session's command handler sees them, in its unit of work. */
class RepositoryCommissionRosters implements CommissionRosters {

  private final Repository<Commission> commissions;

  RepositoryCommissionRosters(Repository<Commission> commissions) {
    this.commissions = commissions;
  }

  @Override
  public List<Member> membersOf(String departmentCode) {
    try {
      return commissions
          .load(AppointMemberCommand.commissionOf(departmentCode))
          .invoke(Commission::members);
    } catch (AggregateNotFoundException e) {
      return List.of();
    }
  }
}
