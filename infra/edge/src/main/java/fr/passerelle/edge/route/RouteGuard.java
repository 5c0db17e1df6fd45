package fr.passerelle.edge.route;

import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.audit.AccessOutcome;
import fr.passerelle.edge.refusal.NotFoundException;
import fr.passerelle.edge.security.PasserelleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A service's own check of every call of the public API ({@code /api/**}) against the route table,
 * whatever the gateway did: before the controller runs and before the body is read, the
 * département, the role, then an association's ownership of the dossier. A call on no route of this
 * service is a 404 (in an application that is none of the platform's services, every call is); a
 * refused one a 403, logged (and, on a route that touches personal data, recorded in the access
 * log).
 */
public class RouteGuard implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RouteGuard.class);
  private static final String API = "/api/";

  private final Optional<ServiceName> service;
  private final Optional<DossierOwnership> ownership;
  private final AccessRecorder recorder;

  public RouteGuard(
      Optional<ServiceName> service,
      Optional<DossierOwnership> ownership,
      AccessRecorder recorder) {
    this.service = service;
    this.ownership = ownership;
    this.recorder = recorder;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path =
        ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    if (!path.startsWith(API)) {
      return true;
    }
    PasserelleUser user = authenticatedUser();
    RouteDecision decision =
        service
            .map(own -> Routes.decide(user, HttpMethod.valueOf(request.getMethod()), path, own))
            .orElseGet(RouteDecision.Unknown::new);
    if (decision instanceof RouteDecision.Refused refused) {
      refuse(
          user, refused.route(), refused.departmentCode(), refused.dossierId(), refused.reason());
    }
    if (!(decision instanceof RouteDecision.Allowed allowed)) {
      throw new NotFoundException("Aucune ressource ici.");
    }
    if (allowed.route().scope() == Scope.DEPARTEMENT) {
      DepartmentCode.require(allowed.departmentCode());
    }
    checkOwnership(user, allowed);
    request.setAttribute(Caller.ATTRIBUTE, new Caller(user, allowed.route(), allowed.variables()));
    return true;
  }

  private void checkOwnership(PasserelleUser user, RouteDecision.Allowed allowed) {
    if (allowed.route().ownership() != Ownership.OWN_DOSSIER || !Routes.associationOnly(user)) {
      return;
    }
    DossierOwnership owners =
        ownership.orElseThrow(
            () ->
                new IllegalStateException(
                    service + " has OWN_DOSSIER routes but no DossierOwnership bean"));
    // an unknown dossier is refused like another association's: the caller learns nothing of
    // which dossiers exist
    Optional<String> owner = owners.associationOf(allowed.departmentCode(), allowed.dossierId());
    if (owner.isEmpty() || !owner.get().equals(user.associationId())) {
      refuse(
          user,
          allowed.route(),
          allowed.departmentCode(),
          allowed.dossierId(),
          RouteDecision.Reason.ASSOCIATION);
    }
  }

  private void refuse(
      PasserelleUser user,
      Route route,
      String departmentCode,
      String dossierId,
      RouteDecision.Reason reason) {
    log.warn(
        "Refused {} {} to {} ({}): {}",
        route.method(),
        route.path(),
        user.username(),
        user.roles(),
        reason);
    if (route.personalData().logged()) {
      recorder.record(user, route, departmentCode, dossierId, AccessOutcome.REFUSED, reason.name());
    }
    throw new AccessDeniedException("Refused: " + reason);
  }

  private static PasserelleUser authenticatedUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return PasserelleUser.from(jwt.getToken());
    }
    throw new AccessDeniedException("No authenticated caller");
  }
}
