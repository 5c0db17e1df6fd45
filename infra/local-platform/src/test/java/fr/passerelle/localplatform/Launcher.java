package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The launcher's functions, for tests: {@code passerelle} sourced, then a script run. */
final class Launcher {

  private Launcher() {}

  /**
   * Runs {@code script} after sourcing {@code passerelle}, with no {@code PASSERELLE_*} variable
   * but the run directory and {@code environment}; fails unless it exits 0. Its output, a line
   * each.
   */
  static List<String> run(Path runDirectory, String script, Map<String, String> environment)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", "source ./passerelle; " + script)
            .directory(Path.of("../..").toFile())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PASSERELLE_"));
    builder.environment().put("PASSERELLE_RUN_DIR", runDirectory.toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    List<String> lines =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertThat(process.waitFor()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}
