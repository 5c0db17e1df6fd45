package fr.passerelle.decision.session.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.passerelle.decision.session.api.CommissionSessionOpened;
import fr.passerelle.decision.session.api.CommissionSessionReconvened;
import fr.passerelle.decision.session.api.Convocation;
import fr.passerelle.decision.session.api.Mandate;
import fr.passerelle.decision.session.api.Member;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.decision.session.api.SessionAttendance;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A session of a département's commission (CRPA R133-3 to R133-15): its members as they were, who
 * was present and who gave a mandate to whom, whether it reached its quorum. Dossiers are placed on
 * its agenda and get their opinions in it if it may deliberate.
 */
@Aggregate
public class CommissionSession {

  @AggregateIdentifier private String sessionId;
  private String departmentCode;
  private LocalDate date;
  private boolean mayDeliberate;
  private String firstConvocationId;
  private int attending;
  private String chairMemberId;
  private List<Member> members;
  private List<String> present;
  private List<Mandate> mandates;
  private String reconvenedBy;

  protected CommissionSession() {
    // rebuilt from its events by Axon, or created by its recording
  }

  /**
   * Records a session once it sat, its date not after today in its département. Every member named
   * is a member of the commission; a member is present or represented, not both; a mandate goes
   * from an absent member to a member present, one mandate at most per member; the chair is
   * present; the members were convened five days ahead at least, unless in urgency, when the
   * convocation is recorded. Without its quorum (half of the members present or represented, by
   * default) a first convocation is recorded as such and deliberates nothing; a second convocation,
   * which only follows such a one, sits without quorum; a first convocation has one second
   * convocation only.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public SessionAttendance handle(
      OpenCommissionSessionCommand command,
      QuorumRule quorum,
      CommissionRosters rosters,
      CommissionSessions sessions,
      Clock clock) {
    if (command.date().isAfter(DepartmentCode.today(command.departmentCode(), clock))) {
      throw InvalidRequestException.of(
          "date",
          "date future : une séance est enregistrée une fois tenue, au plus tard aujourd'hui");
    }
    List<Member> roster = rosters.membersOf(command.departmentCode());
    if (roster.isEmpty()) {
      throw new ConflictException(
          "Aucun membre de la commission n'est nommé dans ce département : nommez ses membres"
              + " avant d'enregistrer une séance.");
    }
    checkAttendance(command, roster);
    checkNotice(command);
    if (command.secondConvocation()) {
      checkFirstConvocation(command, sessions);
    }
    boolean quorate =
        quorum.isMet(roster.size(), command.present().size(), command.mandates().size());
    if (command.secondConvocation()) {
      sessions.reconvene(
          command.firstConvocationId(),
          new CommissionSessions.Sitting(
              command.sessionId(), command.departmentCode(), command.date()));
    }
    apply(
        new CommissionSessionOpened(
            command.sessionId(),
            command.departmentCode(),
            command.date(),
            roster.size(),
            command.present().size(),
            command.mandates().size(),
            command.secondConvocation(),
            roster,
            command.present(),
            command.mandates(),
            command.chairMemberId(),
            command.firstConvocationId(),
            quorate,
            command.convocation()));
    return new SessionAttendance(
        roster.size(),
        command.present().size(),
        command.mandates().size(),
        quorum.required(roster.size()),
        quorate || command.secondConvocation());
  }

  private static void checkAttendance(OpenCommissionSessionCommand command, List<Member> roster) {
    Map<String, Member> members =
        roster.stream().collect(Collectors.toMap(Member::memberId, Function.identity()));
    List<FieldError> errors = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (String memberId : command.present()) {
      if (!members.containsKey(memberId)) {
        errors.add(FieldError.of("present", "membre inconnu de la commission : " + memberId));
      } else if (!present.add(memberId)) {
        errors.add(FieldError.of("present", "membre compté deux fois : " + memberId));
      }
    }
    Set<String> givers = new HashSet<>();
    Set<String> holders = new HashSet<>();
    for (Mandate mandate : command.mandates()) {
      String from = mandate.fromMemberId();
      String to = mandate.toMemberId();
      if (!members.containsKey(from) || !members.containsKey(to)) {
        errors.add(
            FieldError.of("mandates", "membre inconnu de la commission : " + from + " → " + to));
      } else if (present.contains(from)) {
        errors.add(FieldError.of("mandates", "un membre présent ne donne pas de mandat : " + from));
      } else if (!present.contains(to)) {
        errors.add(FieldError.of("mandates", "le mandat va à un membre présent : " + to));
      } else if (!givers.add(from)) {
        errors.add(FieldError.of("mandates", "un membre ne donne qu'un mandat : " + from));
      } else if (!holders.add(to)) {
        errors.add(
            FieldError.of(
                "mandates", "un membre ne reçoit qu'un mandat au plus (CRPA R133-8) : " + to));
      }
    }
    if (!present.contains(command.chairMemberId())) {
      errors.add(FieldError.of("chairMemberId", "le président de séance est un membre présent"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /**
   * The members are convened in writing five days at least before the session, unless it is called
   * in urgency; a convocation is sent before the session sits.
   */
  private static void checkNotice(OpenCommissionSessionCommand command) {
    Convocation convocation = command.convocation();
    if (convocation == null) {
      return;
    }
    if (convocation.sentOn().isAfter(command.date())) {
      throw InvalidRequestException.of(
          "convocation.sentOn", "la convocation est adressée avant la séance du " + command.date());
    }
    long notice = ChronoUnit.DAYS.between(convocation.sentOn(), command.date());
    if (notice < Convocation.NOTICE_DAYS && !convocation.urgent()) {
      throw InvalidRequestException.of(
          "convocation.sentOn",
          "convocation adressée %d jour(s) avant la séance : les membres sont convoqués %d jours"
                  .formatted(notice, Convocation.NOTICE_DAYS)
              + " au moins avant, sauf urgence (indiquez-la alors)");
    }
  }

  /** A second convocation follows a first one of its commission that lacked its quorum. */
  private static void checkFirstConvocation(
      OpenCommissionSessionCommand command, CommissionSessions sessions) {
    var first =
        sessions
            .find(command.firstConvocationId())
            .filter(session -> command.departmentCode().equals(session.departmentCode()))
            .orElseThrow(
                () ->
                    InvalidRequestException.of(
                        "firstConvocationId", "aucune séance de ce numéro dans ce département"));
    if (!first.lackedQuorum()) {
      throw new ConflictException(
          "Seconde convocation refusée : la séance du %s a atteint son quorum ; une seconde"
                  .formatted(first.date())
              + " convocation suit seulement une première qui ne l'a pas atteint.");
    }
    if (first.reconvenedBy() != null) {
      throw alreadyReconvened(first);
    }
    if (!command.date().isAfter(first.date())) {
      throw InvalidRequestException.of(
          "date", "une seconde convocation siège après la première, tenue le " + first.date());
    }
  }

  private static ConflictException alreadyReconvened(CommissionSessions.Sitting first) {
    return new ConflictException(
        "Seconde convocation refusée : la séance du %s a déjà sa seconde convocation (séance %s) ;"
                .formatted(first.date(), first.reconvenedBy())
            + " son ordre du jour y est délibéré une seule fois.");
  }

  /**
   * Records that {@code second} followed this first convocation, which lacked its quorum; a first
   * convocation is followed once.
   */
  public void reconvene(CommissionSessions.Sitting second) {
    if (mayDeliberate || !departmentCode.equals(second.departmentCode())) {
      throw new IllegalStateException(
          "Session " + sessionId + " cannot be reconvened by " + second.sessionId());
    }
    if (reconvenedBy != null) {
      throw alreadyReconvened(sitting());
    }
    apply(
        new CommissionSessionReconvened(
            sessionId, departmentCode, second.sessionId(), second.date()));
  }

  @EventSourcingHandler
  void on(CommissionSessionReconvened event) {
    this.reconvenedBy = event.secondConvocationId();
  }

  @EventSourcingHandler
  void on(CommissionSessionOpened event) {
    this.sessionId = event.sessionId();
    this.departmentCode = event.departmentCode();
    this.date = event.date();
    this.mayDeliberate = event.mayDeliberate();
    this.firstConvocationId = event.firstConvocationId();
    this.attending = event.membersPresent() + event.membersRepresented();
    this.chairMemberId = event.chairMemberId();
    this.members = event.members();
    this.present = event.present();
    this.mandates = event.mandates();
  }

  /** The session as the rules of pathways and other sessions see it. */
  public CommissionSessions.Sitting sitting() {
    return new CommissionSessions.Sitting(
        sessionId,
        departmentCode,
        date,
        mayDeliberate,
        firstConvocationId,
        attending,
        chairMemberId,
        members,
        present,
        mandates,
        reconvenedBy);
  }

  public String sessionId() {
    return sessionId;
  }
}
