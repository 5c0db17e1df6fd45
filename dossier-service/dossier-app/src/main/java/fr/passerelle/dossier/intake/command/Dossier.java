package fr.passerelle.dossier.intake.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.DossierDrafted;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.DraftRevised;
import fr.passerelle.dossier.intake.api.DraftWithdrawn;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person's request for an exit pathway, written with an approved association: a draft until the
 * association submits it complete, or withdraws it.
 */
@Aggregate
public class Dossier {

  enum Status {
    DRAFT,
    SUBMITTED,
    WITHDRAWN
  }

  @AggregateIdentifier private String dossierId;
  private String departmentCode;
  private String personId;
  private DossierContent content;
  private Status status;

  protected Dossier() {
    // rebuilt from its events by Axon
  }

  @CommandHandler
  public Dossier(DraftDossierCommand command, Clock clock) {
    apply(
        new DossierDrafted(
            command.dossierId(),
            command.departmentCode(),
            command.personId(),
            command.content(),
            clock.instant()));
  }

  @CommandHandler
  void handle(ReviseDraftCommand command) {
    requireDepartment(command.departmentCode());
    requireDraft("modifié");
    apply(new DraftRevised(dossierId, command.content()));
  }

  @CommandHandler
  void handle(SubmitDossierCommand command, Clock clock, Approvals approvals, PersonalFiles files) {
    requireDepartment(command.departmentCode());
    requireDraft("soumis");
    LocalDate today = LocalDate.now(clock);
    List<Gap> gaps = Completeness.gaps(content, departmentCode, personId, today, approvals, files);
    if (!gaps.isEmpty()) {
      throw new IncompleteDossierException(gaps);
    }
    LocalDate birthDate = files.birthDate(personId).orElseThrow();
    apply(
        new DossierSubmitted(
            dossierId,
            departmentCode,
            personId,
            content,
            AgeBands.on(birthDate, today),
            clock.instant()));
  }

  @CommandHandler
  void handle(WithdrawDraftCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    requireDraft("retiré");
    apply(new DraftWithdrawn(dossierId, departmentCode, personId, clock.instant()));
  }

  @EventSourcingHandler
  void on(DossierDrafted event) {
    dossierId = event.dossierId();
    departmentCode = event.departmentCode();
    personId = event.personId();
    content = event.content();
    status = Status.DRAFT;
  }

  @EventSourcingHandler
  void on(DraftRevised event) {
    content = event.content();
  }

  @EventSourcingHandler
  void on(DossierSubmitted event) {
    dossierId = event.dossierId();
    departmentCode = event.departmentCode();
    status = Status.SUBMITTED;
  }

  @EventSourcingHandler
  void on(DraftWithdrawn event) {
    status = Status.WITHDRAWN;
  }

  /** A dossier of another département is, for this request, a dossier that does not exist. */
  private void requireDepartment(String requested) {
    if (!departmentCode.equals(requested)) {
      throw new UnknownDossierException();
    }
  }

  private void requireDraft(String verb) {
    if (status != Status.DRAFT) {
      throw new DossierStateException(
          "Seul un brouillon peut être " + verb + " ; ce dossier est " + label(status) + ".");
    }
  }

  private static String label(Status status) {
    return switch (status) {
      case DRAFT -> "un brouillon";
      case SUBMITTED -> "déjà soumis";
      case WITHDRAWN -> "retiré";
    };
  }
}
