package fr.passerelle.edge.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RoutesTest {

  private static PasserelleUser user(Role role, String... departements) {
    return new PasserelleUser(
        role.name().toLowerCase() + "-user", EnumSet.of(role), Set.of(departements), "asso-1");
  }

  @Test
  void theDepartementIsCheckedBeforeTheRole() {
    RouteDecision decision =
        Routes.decide(user(Role.ANALYST, "75"), HttpMethod.POST, "/api/departements/31/dossiers");

    assertThat(decision)
        .isEqualTo(
            new RouteDecision.Refused(
                route(HttpMethod.POST, "/api/departements/{departmentCode}/dossiers"),
                java.util.Map.of("departmentCode", "31"),
                RouteDecision.Reason.DEPARTEMENT));
  }

  @Test
  void aCallerOfTheDepartementWithoutTheRoleIsRefusedForItsRole() {
    RouteDecision decision =
        Routes.decide(user(Role.ANALYST, "31"), HttpMethod.POST, "/api/departements/31/dossiers");

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(RouteDecision.Reason.ROLE));
  }

  @Test
  void anAllowedCallCarriesThePathValues() {
    RouteDecision decision =
        Routes.decide(
            user(Role.ASSOCIATION, "31"), HttpMethod.GET, "/api/departements/31/dossiers/d-42");

    assertThat(decision)
        .isInstanceOfSatisfying(
            RouteDecision.Allowed.class,
            allowed -> {
              assertThat(allowed.departmentCode()).isEqualTo("31");
              assertThat(allowed.dossierId()).isEqualTo("d-42");
              assertThat(allowed.route().ownership()).isEqualTo(Ownership.OWN_DOSSIER);
              assertThat(allowed.route().personalData()).isEqualTo(PersonalData.READ);
            });
  }

  @Test
  void aNationalRouteNeedsEveryDepartement() {
    assertThat(Routes.decide(user(Role.ANALYST, "31"), HttpMethod.GET, "/api/reports/national"))
        .isInstanceOf(RouteDecision.Refused.class);
    assertThat(Routes.decide(user(Role.ANALYST, "*"), HttpMethod.GET, "/api/reports/national"))
        .isInstanceOf(RouteDecision.Allowed.class);
  }

  @Test
  void whatNoRouteNamesIsUnknown() {
    PasserelleUser admin = user(Role.ADMIN, "*");

    assertThat(Routes.decide(admin, HttpMethod.DELETE, "/api/departements/31/dossiers/d-1"))
        .isInstanceOf(RouteDecision.Unknown.class);
    assertThat(Routes.decide(admin, HttpMethod.GET, "/api/departements/31/secrets"))
        .isInstanceOf(RouteDecision.Unknown.class);
    assertThat(Routes.decide(admin, HttpMethod.GET, "/api/departements/31/dossiers/d-1/x"))
        .isInstanceOf(RouteDecision.Unknown.class);
  }

  @Test
  void aServiceDecidesOnItsOwnRoutesOnly() {
    assertThat(
            Routes.decide(
                user(Role.AUDITOR, "31"),
                HttpMethod.GET,
                "/api/departements/31/dossiers/d-1",
                ServiceName.BENEFITS))
        .isInstanceOf(RouteDecision.Unknown.class);
  }

  @Test
  void noTwoRoutesShareAMethodAndPath() {
    Set<String> seen = new HashSet<>();
    for (Route route : Routes.all()) {
      assertThat(seen.add(route.method() + " " + route.path())).as(route.path()).isTrue();
    }
  }

  @Test
  void analystsReachNoPersonalDataAndScrapersNoRoute() {
    for (Route route : Routes.all()) {
      if (route.personalData().logged() || route.ownership() != Ownership.NONE) {
        assertThat(route.allows(Role.ANALYST)).as(route.operation()).isFalse();
      }
      assertThat(route.allows(Role.MONITORING)).as(route.operation()).isFalse();
    }
  }

  @Test
  void aRouteThatLimitsAssociationsToTheirDossiersNamesTheDossier() {
    assertThatThrownBy(
            () ->
                new Route(
                    "x",
                    HttpMethod.GET,
                    "/api/departements/{departmentCode}/things",
                    ServiceName.DOSSIER,
                    Set.of(Role.ASSOCIATION),
                    Scope.DEPARTEMENT,
                    Ownership.OWN_DOSSIER,
                    PersonalData.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAssociationHoldingAStaffRoleIsNotLimitedToItsOwnDossiers() {
    var both =
        new PasserelleUser("x", EnumSet.of(Role.ASSOCIATION, Role.PREFECTURE), Set.of("31"), null);

    assertThat(Routes.associationOnly(both)).isFalse();
    assertThat(Routes.associationOnly(user(Role.ASSOCIATION, "31"))).isTrue();
  }

  private static Route route(HttpMethod method, String path) {
    List<Route> matching =
        Routes.all().stream()
            .filter(route -> route.method().equals(method) && route.path().equals(path))
            .toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }
}
