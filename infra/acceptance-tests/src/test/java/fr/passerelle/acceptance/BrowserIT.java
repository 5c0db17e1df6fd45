package fr.passerelle.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.localplatform.LocalPlatform.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The screens in headless Chromium, on this run's platform: Playwright runs the tests of {@code
 * infra/browser-tests} (each role signs in through the sign-in page and does its main task,
 * axe-core checks every screen, one person signs in through a real Keycloak), told to use the
 * platform already running here and to start none. The Haute-Garonne history their dashboards show
 * is loaded first, once for this class and {@link PlatformIT} (ADR 63).
 *
 * <p>Their module prepares them (Debian's Chromium, the npm packages, Keycloak's distribution); the
 * reactor builds it before this one.
 */
@ExtendWith(SharedPlatform.class)
class BrowserIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /** The lines of Playwright's output kept for the failure's message. */
  private static final int LAST_LINES = 80;

  private final Platform platform = SharedPlatform.platform();

  @Test
  void everyRoleDoesItsMainTaskOnItsScreens() throws IOException, InterruptedException {
    Path tests = platform.root().resolve("infra/browser-tests");
    assertThat(tests.resolve("node_modules/@playwright/test"))
        .as(
            "the browser tests' npm packages: their module installs them"
                + " (./mvnw verify -pl infra/acceptance-tests -am)")
        .isDirectory();
    SharedPlatform.hauteGaronneYear();

    ProcessBuilder playwright =
        new ProcessBuilder("npm", "test").directory(tests.toFile()).redirectErrorStream(true);
    playwright.environment().putAll(runningPlatform(platform.ports()));
    Process run = playwright.start();
    Deque<String> last = new ArrayDeque<>();
    Thread reader = new Thread(() -> echo(run, last), "playwright-output");
    reader.setDaemon(true);
    reader.start();
    boolean ended = run.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      run.descendants().forEach(ProcessHandle::destroy);
      run.destroy();
      run.waitFor(30, TimeUnit.SECONDS);
    }
    reader.join(Duration.ofSeconds(10).toMillis());
    assertThat(ended).as("Playwright ended within %s:%n%s", TIMEOUT, lines(last)).isTrue();
    assertThat(run.exitValue())
        .as("Playwright's exit status; the end of its output:%n%s", lines(last))
        .isZero();
  }

  /**
   * What tells the tests to use this platform, started: its ports under the names {@code
   * passerelle} reads them by.
   */
  private static Map<String, String> runningPlatform(Ports ports) {
    return Map.of(
        "PASSERELLE_E2E_PLATFORM", "running",
        "PASSERELLE_GATEWAY_PORT", String.valueOf(ports.gateway()),
        "PASSERELLE_DOSSIER_PORT", String.valueOf(ports.dossier()),
        "PASSERELLE_DECISION_PORT", String.valueOf(ports.decision()),
        "PASSERELLE_BENEFITS_PORT", String.valueOf(ports.benefits()),
        "PASSERELLE_REPORTING_PORT", String.valueOf(ports.reporting()),
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
  }

  /** Prints Playwright's output as it comes, keeping its last lines. */
  private static void echo(Process run, Deque<String> last) {
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        System.out.println(line);
        synchronized (last) {
          last.addLast(line);
          if (last.size() > LAST_LINES) {
            last.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      System.out.println("Playwright's output could not be read: " + e.getMessage());
    }
  }

  private static String lines(Deque<String> last) {
    synchronized (last) {
      return String.join(System.lineSeparator(), last);
    }
  }
}
