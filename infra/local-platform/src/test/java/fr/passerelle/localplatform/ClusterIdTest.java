package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka cluster ids {@code passerelle up} draws: 22 characters of URL-safe base64, never
 * starting with '-', which Kafka's storage tool reads as an option (one draw in 64 did, and the
 * platform then failed to start).
 */
class ClusterIdTest {

  @Test
  void noClusterIdStartsWithADash() throws Exception {
    Process draws =
        new ProcessBuilder(
                "bash",
                "-c",
                "eval \"$(sed -n '/^new_cluster_id() {/,/^}/p' passerelle)\";"
                    + " for i in $(seq 1 2000); do new_cluster_id; echo; done")
            .directory(Path.of("../..").toFile())
            .redirectErrorStream(true)
            .start();
    List<String> ids =
        new String(draws.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

    assertThat(draws.waitFor()).isZero();
    assertThat(ids)
        .hasSize(2000)
        .allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"));
  }
}
