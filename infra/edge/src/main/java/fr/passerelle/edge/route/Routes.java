package fr.passerelle.edge.route;

import static fr.passerelle.edge.security.Role.ADMIN;
import static fr.passerelle.edge.security.Role.ANALYST;
import static fr.passerelle.edge.security.Role.ASSOCIATION;
import static fr.passerelle.edge.security.Role.AUDITOR;
import static fr.passerelle.edge.security.Role.PAYING_BODY;
import static fr.passerelle.edge.security.Role.PREFECTURE;
import static fr.passerelle.edge.security.Role.SECRETARIAT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access matrix of the public API, the one place it is written: the gateway decides every call
 * from it, each service's route guard decides again from it, and docs/security.md is generated from
 * it. A call that matches no route is refused.
 *
 * <p>The checks run in this order, before a body is read: the département of the path (the caller
 * must act on it, or on every one for a national route), then the role, then, in the service, that
 * an association reaches only the dossiers it accompanies.
 */
public final class Routes {

  private static final String D = "/api/departements/{departmentCode}";

  private static final List<Route> TABLE =
      List.of(
          // dossier-service: approved associations, dossiers, the persons' identities
          departemental(ServiceName.DOSSIER, POST, D + "/associations", "approve an association")
              .roles(PREFECTURE, ADMIN)
              .build(),
          departemental(ServiceName.DOSSIER, GET, D + "/associations", "list approved associations")
              .roles(ASSOCIATION, SECRETARIAT, PREFECTURE, ADMIN)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  POST,
                  D + "/associations/{associationId}/approval-renewal",
                  "renew an association's approval")
              .roles(PREFECTURE, ADMIN)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  GET,
                  D + "/associations/todo",
                  "approvals of associations expiring within 60 days, or expired with dossiers"
                      + " still followed")
              .roles(ASSOCIATION, PREFECTURE)
              .ownership(Ownership.OWN_ASSOCIATION)
              .build(),
          departemental(ServiceName.DOSSIER, POST, D + "/dossiers", "draft a dossier")
              .roles(ASSOCIATION)
              .ownership(Ownership.OWN_ASSOCIATION)
              .personalData(PersonalData.WRITE)
              .build(),
          departemental(ServiceName.DOSSIER, PUT, D + "/dossiers/{dossierId}", "revise a draft")
              .roles(ASSOCIATION)
              .ownership(Ownership.OWN_DOSSIER)
              .personalData(PersonalData.WRITE)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  POST,
                  D + "/dossiers/{dossierId}/submission",
                  "submit a dossier")
              .roles(ASSOCIATION)
              .ownership(Ownership.OWN_DOSSIER)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  POST,
                  D + "/dossiers/{dossierId}/withdrawal",
                  "withdraw a draft")
              .roles(ASSOCIATION)
              .ownership(Ownership.OWN_DOSSIER)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  POST,
                  D + "/dossiers/{dossierId}/renewal-requests",
                  "ask for the renewal of a pathway, with its updated plan")
              .roles(ASSOCIATION)
              .ownership(Ownership.OWN_DOSSIER)
              .personalData(PersonalData.WRITE)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  GET,
                  D + "/dossiers/{dossierId}",
                  "read a dossier with the person's identity")
              .roles(ASSOCIATION, SECRETARIAT, PREFECTURE, AUDITOR)
              .ownership(Ownership.OWN_DOSSIER)
              .personalData(PersonalData.READ)
              .build(),
          departemental(
                  ServiceName.DOSSIER, GET, D + "/dossiers", "list dossiers (no personal data)")
              .roles(ASSOCIATION, SECRETARIAT, PREFECTURE, AUDITOR)
              .ownership(Ownership.OWN_ASSOCIATION)
              .build(),
          // the person's right to erasure: recorded by the association or the préfecture,
          // confirmed by another agent of the préfecture (four eyes: erasure cannot be undone)
          departemental(
                  ServiceName.DOSSIER,
                  POST,
                  D + "/dossiers/{dossierId}/erasure-request",
                  "record the person's request to erase their data")
              .roles(ASSOCIATION, PREFECTURE)
              .ownership(Ownership.OWN_DOSSIER)
              .personalData(PersonalData.WRITE)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  POST,
                  D + "/dossiers/{dossierId}/erasure-request/confirmation",
                  "confirm an erasure request: the person's data key is destroyed")
              .roles(PREFECTURE)
              .personalData(PersonalData.WRITE)
              .build(),
          departemental(
                  ServiceName.DOSSIER,
                  GET,
                  D + "/erasures-due",
                  "dossiers whose personal data the retention periods will soon erase")
              .roles(ASSOCIATION, PREFECTURE)
              .ownership(Ownership.OWN_ASSOCIATION)
              .build(),
          // decision-service: the commission and the préfet
          departemental(
                  ServiceName.DECISION,
                  GET,
                  D + "/commission/pending-dossiers",
                  "dossiers awaiting a session")
              .roles(SECRETARIAT, PREFECTURE)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/commission/members",
                  "name a member of the commission, with their category")
              .roles(SECRETARIAT)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  GET,
                  D + "/commission/members",
                  "list the commission's members")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/commission/sessions",
                  "record a session: who attended, mandates, quorum, convocation")
              .roles(SECRETARIAT)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  GET,
                  D + "/commission/sessions/{sessionId}/minutes.pdf",
                  "a session's minutes (procès-verbal) as a PDF")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/commission/sessions/{sessionId}/agenda",
                  "put a dossier on a session's agenda")
              .roles(SECRETARIAT)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/commission/sessions/{sessionId}/opinions",
                  "record the commission's opinion")
              .roles(SECRETARIAT)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/commission/sessions/{sessionId}/agenda/batch",
                  "put many dossiers on a session's agenda, a result per dossier")
              .roles(SECRETARIAT)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/commission/sessions/{sessionId}/opinions/batch",
                  "record a session's opinions at once, a result per dossier")
              .roles(SECRETARIAT)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  POST,
                  D + "/prefecture/decisions",
                  "record the préfet's decision (authorise, refuse, renew, refuse a renewal, end)")
              .roles(PREFECTURE)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  GET,
                  D + "/pathways/{dossierId}",
                  "where a pathway stands: terms, renewal request, end (no personal data)")
              .roles(ASSOCIATION, SECRETARIAT, PREFECTURE, AUDITOR)
              .ownership(Ownership.OWN_DOSSIER)
              .build(),
          departemental(
                  ServiceName.DECISION,
                  GET,
                  D + "/pathways/todo",
                  "what is due on pathways, for the caller's role: renewals within 30 days,"
                      + " renewal requests awaiting a session, decisions awaiting the préfet")
              .roles(ASSOCIATION, SECRETARIAT, PREFECTURE)
              .ownership(Ownership.OWN_ASSOCIATION)
              .build(),
          // benefits-service: rights decided over the pathway's life, payments, outcomes
          departemental(
                  ServiceName.BENEFITS,
                  GET,
                  D + "/beneficiaries/{dossierId}",
                  "read a beneficiary's rights, payments and outcomes")
              .roles(ASSOCIATION, PREFECTURE, PAYING_BODY, AUDITOR)
              .ownership(Ownership.OWN_DOSSIER)
              .personalData(PersonalData.READ)
              .build(),
          benefitsDecision("/permit", "issue a residence permit (APS)", PREFECTURE),
          benefitsDecision(
              "/permit/renewal", "renew a residence permit with the pathway", PREFECTURE),
          benefitsDecision(
              "/permit/refusal", "refuse a residence permit or its renewal", PREFECTURE),
          benefitsDecision("/permit/withdrawal", "withdraw a residence permit", PREFECTURE),
          benefitsDecision("/afis/requests", "request the AFIS", ASSOCIATION),
          benefitsDecision(
              "/afis/requests/{requestId}/decision", "decide an AFIS request", PREFECTURE),
          benefitsDecision("/afis/suspension", "suspend the AFIS", PREFECTURE),
          benefitsDecision("/afis/resumption", "lift the AFIS's suspension", PREFECTURE),
          benefitsDecision("/afis/stop", "stop the AFIS", PREFECTURE),
          benefitsDecision(
              "/afis/household", "record a change of household (AFIS re-assessed)", ASSOCIATION),
          benefitsOutcome("/employment", "record a job"),
          benefitsOutcome("/employment/{employmentId}/end", "record the end of a job"),
          benefitsOutcome("/training", "record a training"),
          benefitsOutcome("/training/{trainingId}/end", "record the end of a training"),
          benefitsOutcome("/housing", "record a housing step"),
          departemental(
                  ServiceName.BENEFITS,
                  GET,
                  D + "/rights/permits/expiring",
                  "residence permits expiring within 30 days")
              .roles(PREFECTURE)
              .personalData(PersonalData.READ)
              .build(),
          departemental(
                  ServiceName.BENEFITS,
                  GET,
                  D + "/rights/payment-runs/preview",
                  "preview a month's AFIS payment run")
              .roles(PAYING_BODY)
              .personalData(PersonalData.READ)
              .build(),
          departemental(
                  ServiceName.BENEFITS,
                  POST,
                  D + "/rights/payment-runs",
                  "confirm a month's AFIS payment run")
              .roles(PAYING_BODY)
              .personalData(PersonalData.WRITE)
              .build(),
          departemental(
                  ServiceName.BENEFITS, GET, D + "/rights/payment-runs", "a month's payment runs")
              .roles(PAYING_BODY, AUDITOR)
              .build(),
          departemental(
                  ServiceName.BENEFITS,
                  GET,
                  D + "/rights/payment-runs/{runId}",
                  "a payment run and its lines")
              .roles(PAYING_BODY, AUDITOR)
              .personalData(PersonalData.READ)
              .build(),
          departemental(
                  ServiceName.BENEFITS,
                  GET,
                  D + "/rights/todo",
                  "what is due on rights and payments, for the caller's role")
              .roles(PREFECTURE, PAYING_BODY)
              .personalData(PersonalData.READ)
              .build(),
          // reporting-service: reviews, exports, the access log
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/reports/review",
                  "departmental review (aggregated figures)")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR, ANALYST, ADMIN)
              .build(),
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/reports/review.csv",
                  "departmental review as CSV")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR, ANALYST, ADMIN)
              .build(),
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/reports/series",
                  "departmental figures month by month (aggregated figures)")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR, ANALYST, ADMIN)
              .build(),
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/reports/dossiers",
                  "count of submitted dossiers")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR, ANALYST, ADMIN)
              .build(),
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/access-log",
                  "read the access log (who read or wrote personal data, who was refused)")
              .roles(AUDITOR)
              .personalData(PersonalData.READ)
              .build(),
          national(ServiceName.REPORTING, GET, "/api/reports/national", "national review")
              .roles(ANALYST, AUDITOR, ADMIN)
              .build(),
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/dossiers/{dossierId}/history",
                  "a dossier's history from every service (with the access log for auditors)")
              .roles(SECRETARIAT, PREFECTURE, AUDITOR)
              .personalData(PersonalData.READ)
              .build(),
          departemental(
                  ServiceName.REPORTING,
                  GET,
                  D + "/audit/verify",
                  "verify the history of a département's dossiers (chains recomputed)")
              .roles(AUDITOR, ADMIN)
              .build(),
          national(
                  ServiceName.REPORTING,
                  GET,
                  "/api/audit/verify",
                  "verify the whole history (chains and published seals)")
              .roles(AUDITOR, ADMIN)
              .build());

  private static final PathPatternParser PARSER = new PathPatternParser();

  /** Every route with its compiled pattern, the most specific patterns first. */
  private static final List<Compiled> COMPILED =
      TABLE.stream()
          .map(route -> new Compiled(route, PARSER.parse(route.path())))
          .sorted(Comparator.comparing(Compiled::pattern, PathPattern.SPECIFICITY_COMPARATOR))
          .toList();

  private record Compiled(Route route, PathPattern pattern) {}

  private Routes() {}

  /** The whole table, in the order it is written (and documented). */
  public static List<Route> all() {
    return TABLE;
  }

  /** The routes {@code service} answers. */
  public static List<Route> of(ServiceName service) {
    return TABLE.stream().filter(route -> route.service() == service).toList();
  }

  /** The route of a call, whoever makes it; empty when none matches. */
  public static RouteDecision decide(PasserelleUser caller, HttpMethod method, String path) {
    return decide(caller, method, path, null);
  }

  /**
   * Decides a call on the routes of {@code service} ({@code null}: of any service): the département
   * first, then the role. Ownership is the service's to check (it alone knows whose a dossier is).
   */
  public static RouteDecision decide(
      PasserelleUser caller, HttpMethod method, String path, ServiceName service) {
    PathContainer container = PathContainer.parsePath(path);
    for (Compiled compiled : COMPILED) {
      Route route = compiled.route();
      if (!route.method().equals(method) || (service != null && route.service() != service)) {
        continue;
      }
      PathPattern.PathMatchInfo match = compiled.pattern().matchAndExtract(container);
      if (match == null) {
        continue;
      }
      Map<String, String> variables = Map.copyOf(match.getUriVariables());
      if (!actsOnScope(caller, route, variables)) {
        return new RouteDecision.Refused(route, variables, RouteDecision.Reason.DEPARTEMENT);
      }
      if (caller.roles().stream().noneMatch(route::allows)) {
        return new RouteDecision.Refused(route, variables, RouteDecision.Reason.ROLE);
      }
      return new RouteDecision.Allowed(route, variables);
    }
    return new RouteDecision.Unknown();
  }

  private static boolean actsOnScope(
      PasserelleUser caller, Route route, Map<String, String> variables) {
    return switch (route.scope()) {
      case NATIONAL -> caller.departements().contains(PasserelleUser.EVERY_DEPARTEMENT);
      case DEPARTEMENT -> caller.actsOn(variables.get(Route.DEPARTMENT_VARIABLE));
    };
  }

  /**
   * Whether {@code caller} is limited to its own association's dossiers: an association member
   * holding no staff role.
   */
  public static boolean associationOnly(PasserelleUser caller) {
    return caller.has(ASSOCIATION)
        && !caller.has(SECRETARIAT)
        && !caller.has(PREFECTURE)
        && !caller.has(ADMIN);
  }

  /** A decision on a beneficiary's rights: a write of personal data, by one role. */
  private static Route benefitsDecision(String path, String operation, Role role) {
    return departemental(
            ServiceName.BENEFITS, POST, D + "/beneficiaries/{dossierId}" + path, operation)
        .roles(role)
        .ownership(Ownership.OWN_DOSSIER)
        .personalData(PersonalData.WRITE)
        .build();
  }

  /** An integration outcome the accompanying association records. */
  private static Route benefitsOutcome(String path, String operation) {
    return departemental(
            ServiceName.BENEFITS, POST, D + "/beneficiaries/{dossierId}" + path, operation)
        .roles(ASSOCIATION)
        .ownership(Ownership.OWN_DOSSIER)
        .build();
  }

  private static Builder departemental(
      ServiceName service, HttpMethod method, String path, String operation) {
    return new Builder(service, method, path, operation, Scope.DEPARTEMENT);
  }

  private static Builder national(
      ServiceName service, HttpMethod method, String path, String operation) {
    return new Builder(service, method, path, operation, Scope.NATIONAL);
  }

  private static final class Builder {

    private final ServiceName service;
    private final HttpMethod method;
    private final String path;
    private final String operation;
    private final Scope scope;
    private final List<Role> roles = new ArrayList<>();
    private Ownership ownership = Ownership.NONE;
    private PersonalData personalData = PersonalData.NONE;

    private Builder(
        ServiceName service, HttpMethod method, String path, String operation, Scope scope) {
      this.service = service;
      this.method = method;
      this.path = path;
      this.operation = operation;
      this.scope = scope;
    }

    Builder roles(Role... allowed) {
      roles.addAll(List.of(allowed));
      return this;
    }

    Builder ownership(Ownership ownership) {
      this.ownership = ownership;
      return this;
    }

    Builder personalData(PersonalData personalData) {
      this.personalData = personalData;
      return this;
    }

    Route build() {
      return new Route(
          operation, method, path, service, Set.copyOf(roles), scope, ownership, personalData);
    }
  }
}
