package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances of everything ({@code passerelle up --instances N}): each instance's name, port
 * and environment as the launcher computes them, read from the script itself.
 */
class InstancesTest {

  @TempDir Path runDirectory;

  @Test
  void theSecondInstanceOfEachPieceTakesItsPortPlusTheStep() throws Exception {
    assertThat(
            launcher(
                "for n in dossier dossier#2 gateway gateway#2 reporting#3; do port_of $n; echo; done",
                "PASSERELLE_INSTANCES=3"))
        .containsExactly("8081", "8181", "8080", "8180", "8284");
  }

  @Test
  void oneInstanceIsNamedByItsNumberAndTheFirstByItsPieceAlone() throws Exception {
    assertThat(
            launcher(
                "for n in dossier#1 dossier#2 gateway#9 kafka postgres#2 nothing#2 dossier#10 '';"
                    + " do printf '[%s]\\n' \"$(canonical_name \"$n\")\"; done"))
        .containsExactly(
            "[dossier]", "[dossier#2]", "[gateway#9]", "[kafka]", "[]", "[]", "[]", "[]");
  }

  @Test
  void everyGatewayIsToldEveryInstanceOfEachServiceAndOnlyTheFirstSignsDevTokens()
      throws Exception {
    List<String> first = launcher("service_environment gateway", "PASSERELLE_INSTANCES=2");
    List<String> second = launcher("service_environment gateway#2", "PASSERELLE_INSTANCES=2");

    assertThat(first)
        .contains(
            "SERVER_PORT=8080",
            "SPRING_PROFILES_ACTIVE=dev",
            "DOSSIER_SERVICE_URL=http://127.0.0.1:8081,http://127.0.0.1:8181",
            "REPORTING_SERVICE_URL=http://127.0.0.1:8084,http://127.0.0.1:8184",
            "PASSERELLE_GATEWAY_INSTANCES=2");
    assertThat(second)
        .contains(
            "SERVER_PORT=8180",
            "PASSERELLE_SECURITY_JWT_ISSUER=http://127.0.0.1:8080/dev",
            "PASSERELLE_SECURITY_JWT_JWKSETURI=http://127.0.0.1:8080/dev/jwks.json",
            "DECISION_SERVICE_URL=http://127.0.0.1:8082,http://127.0.0.1:8182",
            "PASSERELLE_GATEWAY_INSTANCES=2")
        .doesNotContain("SPRING_PROFILES_ACTIVE=dev");
  }

  @Test
  void oneInstanceKeepsTheSingleUrlOfEachService() throws Exception {
    assertThat(launcher("service_environment gateway"))
        .contains("BENEFITS_SERVICE_URL=http://127.0.0.1:8083", "PASSERELLE_GATEWAY_INSTANCES=1");
  }

  @Test
  void theInstanceCountOfUpIsKeptForTheLaterStartOfOneInstance() throws Exception {
    Files.writeString(runDirectory.resolve("instances"), "2\n");

    assertThat(launcher("all_components"))
        .containsExactly(
            "postgres",
            "kafka",
            "dossier",
            "dossier#2",
            "decision",
            "decision#2",
            "benefits",
            "benefits#2",
            "reporting",
            "reporting#2",
            "gateway",
            "gateway#2");
  }

  /**
   * Runs {@code script} with the launcher's functions defined (the script sourced), dev issuer on.
   */
  private List<String> launcher(String script, String... environment) throws Exception {
    Map<String, String> variables = new HashMap<>(Map.of("PASSERELLE_DEV_ISSUER", "true"));
    for (String assignment : environment) {
      String[] parts = assignment.split("=", 2);
      variables.put(parts[0], parts[1]);
    }
    return Launcher.run(runDirectory, script, variables);
  }
}
