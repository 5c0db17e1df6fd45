package fr.passerelle.decision.session.web;

import fr.passerelle.decision.session.api.AppointMemberCommand;
import fr.passerelle.decision.session.api.Convocation;
import fr.passerelle.decision.session.api.FindCommissionMembersQuery;
import fr.passerelle.decision.session.api.FindSessionMinutesQuery;
import fr.passerelle.decision.session.api.Mandate;
import fr.passerelle.decision.session.api.MemberView;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.decision.session.api.SessionAttendance;
import fr.passerelle.decision.session.api.SessionMinutes;
import fr.passerelle.decision.session.minutes.MinutesPdf;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.refusal.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat names its département's commission's members, records its sessions, and gives
 * each session's minutes (docs/security.md says who may).
 */
@RestController
@RequestMapping("/api/departements/{departmentCode}/commission")
class CommissionSessionController {

  private static final String NO_SESSION = "Aucune séance de ce numéro dans ce département.";

  private final Commands commands;
  private final QueryGateway queries;

  CommissionSessionController(Commands commands, QueryGateway queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @PostMapping("/members")
  ResponseEntity<MemberView> appoint(
      @PathVariable String departmentCode, @Valid @RequestBody AppointMemberRequest request) {
    String memberId = UUID.randomUUID().toString();
    commands.send(
        new AppointMemberCommand(
            AppointMemberCommand.commissionOf(departmentCode),
            departmentCode,
            memberId,
            request.name().strip(),
            request.category(),
            request.associationId()));
    return ResponseEntity.created(
            URI.create("/api/departements/" + departmentCode + "/commission/members/" + memberId))
        .body(
            new MemberView(
                memberId, request.name().strip(), request.category(), request.associationId()));
  }

  @GetMapping("/members")
  List<MemberView> members(@PathVariable String departmentCode) {
    return queries
        .query(
            new FindCommissionMembersQuery(departmentCode),
            ResponseTypes.multipleInstancesOf(MemberView.class))
        .join();
  }

  @PostMapping("/sessions")
  ResponseEntity<SessionOpenedResponse> open(
      @PathVariable String departmentCode, @Valid @RequestBody OpenSessionRequest request) {
    String sessionId = UUID.randomUUID().toString();
    List<Mandate> mandates =
        request.mandates() == null
            ? List.of()
            : request.mandates().stream()
                .map(m -> new Mandate(m.fromMemberId(), m.toMemberId()))
                .toList();
    SessionAttendance attendance =
        commands.send(
            new OpenCommissionSessionCommand(
                sessionId,
                departmentCode,
                request.date(),
                request.chairMemberId(),
                request.present(),
                mandates,
                request.firstConvocationId(),
                request.convocation() == null
                    ? null
                    : new Convocation(
                        request.convocation().sentOn(),
                        Boolean.TRUE.equals(request.convocation().urgent()))));
    return ResponseEntity.created(
            URI.create("/api/departements/" + departmentCode + "/commission/sessions/" + sessionId))
        .body(
            new SessionOpenedResponse(
                sessionId,
                departmentCode,
                attendance.membersTotal(),
                attendance.membersPresent(),
                attendance.membersRepresented(),
                attendance.quorum(),
                attendance.mayDeliberate()));
  }

  /** The session's minutes (procès-verbal) as a PDF. */
  @GetMapping("/sessions/{sessionId}/minutes.pdf")
  ResponseEntity<byte[]> minutes(
      @PathVariable String departmentCode, @PathVariable String sessionId) {
    Optional<SessionMinutes> minutes =
        queries
            .query(
                new FindSessionMinutesQuery(departmentCode, sessionId),
                ResponseTypes.optionalInstanceOf(SessionMinutes.class))
            .join();
    SessionMinutes found = minutes.orElseThrow(() -> new NotFoundException(NO_SESSION));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("proces-verbal-" + departmentCode + "-" + found.date() + ".pdf")
                .build()
                .toString())
        .body(MinutesPdf.render(found));
  }
}
