package fr.passerelle.edge.route;

import fr.passerelle.edge.Correlation;
import fr.passerelle.edge.audit.AccessEntry;
import fr.passerelle.edge.audit.AccessLog;
import fr.passerelle.edge.audit.AccessOutcome;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Writes the access log's entries of the current call: {@link #read} and {@link #written} from the
 * use case, inside its transaction, once it has the dossier in hand; refusals from the route guard.
 * The caller, the route and the département come from the route guard's check.
 */
public class AccessRecorder {

  private final Optional<AccessLog> log;
  private final Clock clock;

  public AccessRecorder(Optional<AccessLog> log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The current call read {@code dossierId}'s personal data (or rights, or the access log). */
  public void read(String dossierId) {
    current(AccessOutcome.READ, dossierId);
  }

  /** The current call wrote {@code dossierId}'s personal data. */
  public void written(String dossierId) {
    current(AccessOutcome.WRITE, dossierId);
  }

  /**
   * The current call is refused for {@code reason} by a check only the use case can make (a body
   * naming another association): recorded when the route touches personal data. Call it outside any
   * transaction the refusal will undo.
   */
  public void refused(String dossierId, RouteDecision.Reason reason) {
    Caller caller = currentCaller();
    if (caller.route().personalData().logged()) {
      record(
          caller.user(),
          caller.route(),
          caller.departmentCode(),
          dossierId,
          AccessOutcome.REFUSED,
          reason.name());
    }
  }

  private void current(AccessOutcome outcome, String dossierId) {
    Caller caller = currentCaller();
    record(caller.user(), caller.route(), caller.departmentCode(), dossierId, outcome, null);
  }

  void record(
      PasserelleUser user,
      Route route,
      String departmentCode,
      String dossierId,
      AccessOutcome outcome,
      String refusal) {
    AccessLog accessLog =
        log.orElseThrow(
            () ->
                new IllegalStateException(
                    "This service has routes that touch personal data but no access log"));
    accessLog.record(
        new AccessEntry(
            clock.instant(),
            user.username() == null ? "(inconnu)" : user.username(),
            user.roles().stream().map(Role::name).sorted().toList(),
            user.associationId(),
            departmentCode,
            dossierId,
            route.operation(),
            route.method().name(),
            route.path(),
            outcome,
            refusal,
            MDC.get(Correlation.REQUEST_ID)));
  }

  private static Caller currentCaller() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    Object caller =
        attributes == null
            ? null
            : attributes.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (caller instanceof Caller checked) {
      return checked;
    }
    throw new IllegalStateException("No call checked by the route guard on this thread");
  }
}
