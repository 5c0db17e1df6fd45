package fr.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code passerelle up} refuses before it starts anything: running without anyone to sign the
 * callers' tokens, and the dev issuer, which signs any token for anyone, beside external servers.
 */
class PasserelleCommandTest {

  @TempDir Path runDirectory;

  private record Outcome(int exitCode, String output) {}

  @Test
  void upWithoutAnIdentityProviderSaysBothWaysToGetOne() throws Exception {
    Outcome up = up(Map.of());

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.output())
        .contains("no identity provider")
        .contains("PASSERELLE_JWT_ISSUER and PASSERELLE_JWT_JWK_SET_URI")
        .contains("'passerelle up --dev-issuer'")
        .contains("PASSERELLE_DEV_ISSUER=true");
    assertNothingStarted();
  }

  @Test
  void upRefusesTheDevIssuerBesideAnExternalServer() throws Exception {
    for (var external :
        List.of(
            Map.of("PASSERELLE_POSTGRES_URL", "jdbc:postgresql://db.example:5432"),
            Map.of("PASSERELLE_KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092"),
            Map.of(
                "PASSERELLE_JWT_ISSUER", "https://idp.example/realms/passerelle",
                "PASSERELLE_JWT_JWK_SET_URI", "https://idp.example/jwks"))) {
      Outcome up = up(external, "--dev-issuer");

      assertThat(up.exitCode()).as("%s", external).isEqualTo(1);
      assertThat(up.output())
          .as("%s", external)
          .contains("the dev issuer is for local demos only")
          .contains(external.keySet().stream().sorted().findFirst().orElseThrow());
    }
    Outcome byVariable =
        up(Map.of("PASSERELLE_DEV_ISSUER", "true", "PASSERELLE_POSTGRES_URL", "jdbc:x"));
    assertThat(byVariable.output()).contains("the dev issuer is for local demos only");
    assertNothingStarted();
  }

  @Test
  void upRefusesAnIssuerWithoutItsKeys() throws Exception {
    Outcome up = up(Map.of("PASSERELLE_JWT_ISSUER", "https://idp.example/realms/passerelle"));

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.output()).contains("set PASSERELLE_JWT_JWK_SET_URI");
    assertNothingStarted();
  }

  private Outcome up(Map<String, String> environment, String... options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("passerelle.root"), "passerelle").toString());
    command.add("up");
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> variables = builder.environment();
    variables.keySet().removeIf(name -> name.startsWith("PASSERELLE_"));
    variables.put("PASSERELLE_RUN_DIR", runDirectory.toString());
    variables.putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      // It went on to start the platform: its own trap stops what it started.
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
      throw new AssertionError("up did not refuse at once");
    }
    return new Outcome(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private void assertNothingStarted() throws IOException {
    Path pids = runDirectory.resolve("pids");
    if (Files.exists(pids)) {
      try (Stream<Path> started = Files.list(pids)) {
        assertThat(started).isEmpty();
      }
    }
  }
}
