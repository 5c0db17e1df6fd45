package fr.passerelle.dossier.intake.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.dossier.events.ErasureReason;
import fr.passerelle.dossier.intake.api.AnnounceErasureCommand;
import fr.passerelle.dossier.intake.api.ConfirmErasureCommand;
import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.DossierDrafted;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import fr.passerelle.dossier.intake.api.DraftDossierCommand;
import fr.passerelle.dossier.intake.api.DraftRevised;
import fr.passerelle.dossier.intake.api.DraftWithdrawn;
import fr.passerelle.dossier.intake.api.EraseExpiredDataCommand;
import fr.passerelle.dossier.intake.api.ErasureAnnounced;
import fr.passerelle.dossier.intake.api.ErasureRequested;
import fr.passerelle.dossier.intake.api.PersonalDataErased;
import fr.passerelle.dossier.intake.api.RequestErasureCommand;
import fr.passerelle.dossier.intake.api.ReviseDraftCommand;
import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import fr.passerelle.dossier.intake.api.WithdrawDraftCommand;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person's request for an exit pathway, written with an approved association: a draft until the
 * association submits it complete, or withdraws it. The person's data (in the vault) is erased when
 * the draft is withdrawn, when the person's request is confirmed by the préfecture, or when a
 * retention period has passed and was announced to the association; the dossier itself (ids, codes,
 * dates) stays, with the tombstone saying when and why. Its days are its département's: a date "not
 * in the future" is one not after today in the département's zone.
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
  private boolean erased;
  private String erasureRequestedBy;
  private LocalDate announcedErasureOn;

  protected Dossier() {
    // rebuilt from its events by Axon
  }

  @CommandHandler
  public Dossier(DraftDossierCommand command, Clock clock) {
    requireSignedByToday(command.content(), command.departmentCode(), clock);
    apply(
        new DossierDrafted(
            command.dossierId(),
            command.departmentCode(),
            command.personId(),
            command.content(),
            clock.instant()));
  }

  @CommandHandler
  void handle(ReviseDraftCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    requireSignedByToday(command.content(), departmentCode, clock);
    requireNotErased();
    requireDraft("modifié");
    apply(new DraftRevised(dossierId, command.content()));
  }

  @CommandHandler
  void handle(SubmitDossierCommand command, Clock clock, Approvals approvals, PersonalFiles files) {
    requireDepartment(command.departmentCode());
    requireNotErased();
    requireDraft("soumis");
    LocalDate today = DepartmentCode.today(departmentCode, clock);
    LocalDate submittedOn = command.submittedOn() != null ? command.submittedOn() : today;
    requireNotFuture("submittedOn", submittedOn, departmentCode, clock);
    List<Gap> gaps =
        Completeness.gaps(content, departmentCode, personId, submittedOn, approvals, files);
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
            AgeBands.on(birthDate, submittedOn),
            clock.instant(),
            files.pseudonym(personId, dossierId).orElseThrow(),
            submittedOn));
  }

  @CommandHandler
  void handle(WithdrawDraftCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    requireDraft("retiré");
    apply(new DraftWithdrawn(dossierId, departmentCode, personId, clock.instant()));
    apply(
        new PersonalDataErased(
            dossierId, departmentCode, personId, ErasureReason.DRAFT_WITHDRAWN, clock.instant()));
  }

  /** The person's request, recorded by the association or the préfecture, awaits confirmation. */
  @CommandHandler
  void handle(RequestErasureCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    requireNotFuture("receivedOn", command.receivedOn(), departmentCode, clock);
    requireNotErased();
    if (erasureRequestedBy != null) {
      throw new DossierStateException(
          "Une demande d'effacement de ce dossier attend déjà la confirmation de la préfecture.");
    }
    apply(
        new ErasureRequested(
            dossierId,
            departmentCode,
            command.requestedBy(),
            command.receivedOn(),
            clock.instant()));
  }

  /**
   * The préfecture confirms: the data key is destroyed. Someone other than who recorded the request
   * confirms it, so that no one person can erase a dossier alone.
   */
  @CommandHandler
  void handle(ConfirmErasureCommand command, Clock clock) {
    requireDepartment(command.departmentCode());
    requireNotErased();
    if (erasureRequestedBy == null) {
      throw new DossierStateException("Aucune demande d'effacement de ce dossier à confirmer.");
    }
    if (erasureRequestedBy.equals(command.confirmedBy())) {
      throw new DossierStateException(
          "La demande d'effacement doit être confirmée par une autre personne que celle qui l'a"
              + " enregistrée.");
    }
    apply(
        new PersonalDataErased(
            dossierId, departmentCode, personId, ErasureReason.PERSON_REQUEST, clock.instant()));
  }

  /**
   * Retention: the warning to the association; nothing once the data is erased, nor when that day
   * was announced already (two sweeps at once warn once).
   */
  @CommandHandler
  void handle(AnnounceErasureCommand command) {
    if (erased || command.erasureOn().equals(announcedErasureOn)) {
      return;
    }
    apply(
        new ErasureAnnounced(
            dossierId,
            departmentCode,
            content.associationId(),
            command.erasureOn(),
            command.reason()));
  }

  /**
   * Retention: the data goes; nothing once erased. A draft's period applies to drafts only: a
   * dossier submitted since is refused here, whatever the caller computed before.
   */
  @CommandHandler
  void handle(EraseExpiredDataCommand command, Clock clock) {
    if (erased) {
      return;
    }
    if (command.reason() == ErasureReason.DRAFT_NOT_SUBMITTED && status != Status.DRAFT) {
      throw new DossierStateException("Ce dossier n'est plus un brouillon.");
    }
    apply(
        new PersonalDataErased(
            dossierId, departmentCode, personId, command.reason(), clock.instant()));
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

  @EventSourcingHandler
  void on(ErasureRequested event) {
    erasureRequestedBy = event.requestedBy();
  }

  @EventSourcingHandler
  void on(ErasureAnnounced event) {
    announcedErasureOn = event.erasureOn();
  }

  @EventSourcingHandler
  void on(PersonalDataErased event) {
    erased = true;
    erasureRequestedBy = null;
  }

  /** A dossier of another département is, for this request, a dossier that does not exist. */
  private void requireDepartment(String requested) {
    if (!departmentCode.equals(requested)) {
      throw new UnknownDossierException();
    }
  }

  /**
   * A plan is signed by today in the dossier's département at the latest: the association enters
   * the day the person signed, in the département's days, not Paris's.
   */
  private static void requireSignedByToday(
      DossierContent content, String departmentCode, Clock clock) {
    if (content.signedOn() != null) {
      requireNotFuture("plan.signedOn", content.signedOn(), departmentCode, clock);
    }
  }

  /** {@code date} is not after today in département {@code departmentCode}. */
  private static void requireNotFuture(
      String field, LocalDate date, String departmentCode, Clock clock) {
    if (date.isAfter(DepartmentCode.today(departmentCode, clock))) {
      throw InvalidRequestException.of(field, "ne peut pas être dans le futur");
    }
  }

  private void requireNotErased() {
    if (erased) {
      throw new DossierStateException(
          "Les données personnelles de ce dossier ont été effacées : il ne peut plus changer.");
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
