package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka cluster ids {@code passerelle up} draws: 22 characters of URL-safe base64, never
 * starting with '-', which Kafka's storage tool reads as an option (one draw in 64 did, and the
 * platform then failed to start).
 */
class ClusterIdTest {

  /** {@code passerelle}'s own function, read from the script. */
  private static final String FUNCTION =
      "eval \"$(sed -n '/^new_cluster_id() {/,/^}/p' passerelle)\";";

  @Test
  void aDrawThatWouldStartWithADashIsDrawnAgain() throws Exception {
    // head, which reads the random bytes, replaced: the first draw gets 16 bytes starting with
    // 0xF8, which base64 writes '+' and the URL-safe alphabet '-'; the next, the text
    // "passerelle-kafka".
    String firstDashThenText =
        "head() { if [[ -e $DRAWN ]]; then printf passerelle-kafka;"
            + " else : >\"$DRAWN\"; printf '\\xf8\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09"
            + "\\x0a\\x0b\\x0c\\x0d\\x0e\\x0f'; fi; };";
    Path drawn = Path.of("target", "cluster-id-drawn-" + ProcessHandle.current().pid());
    Files.deleteIfExists(drawn);

    List<String> ids = draw(firstDashThenText + "new_cluster_id; echo", drawn);

    assertThat(Files.exists(drawn)).as("the dashed draw was made").isTrue();
    assertThat(ids).containsExactly("cGFzc2VyZWxsZS1rYWZrYQ");
  }

  @Test
  void realDrawsAreKafkaClusterIds() throws Exception {
    List<String> ids = draw("for i in $(seq 1 50); do new_cluster_id; echo; done", null);

    assertThat(ids)
        .hasSize(50)
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"));
  }

  private static List<String> draw(String commands, Path drawn)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", FUNCTION + commands)
            .directory(Path.of("../..").toFile())
            .redirectErrorStream(true);
    if (drawn != null) {
      builder.environment().put("DRAWN", drawn.toAbsolutePath().toString());
    }
    Process bash = builder.start();
    List<String> lines =
        new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(bash.waitFor()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}
