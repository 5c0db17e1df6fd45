package fr.passerelle.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extraction of a service's jar, where its class archive lives (ADR 49): kept while the jar is
 * the same file, even written again by a build, and made again, without the archive, once the jar
 * changed, even to a file of the same size and modification time (the build fixes the times). Read
 * from the script itself, with the JVM's extraction replaced by one that only counts.
 */
class JarExtractionTest {

  @TempDir Path work;

  @Test
  void aJarBuiltAgainTheSameKeepsItsClassArchiveAndAChangedOneLosesIt() throws Exception {
    List<String> lines =
        launcher(
            """
            mkdir -p "$LOG_DIR" "$WORK/target"
            JAR[dossier]=$WORK/target/dossier.jar
            java() { mkdir -p -- "${@: -1}"; echo extracted >>"$WORK/extractions"; }
            archive=$(class_archive dossier)
            printf 'first build' >"${JAR[dossier]}"
            extract_jar dossier
            : >"$archive"
            extract_jar dossier
            echo "started again: $(wc -l <"$WORK/extractions") extraction, archive $(ls "$archive" >/dev/null 2>&1 && echo kept || echo gone)"
            touch -d '2030-01-01' -- "${JAR[dossier]}"
            extract_jar dossier
            echo "built again, same bytes: $(wc -l <"$WORK/extractions") extraction, archive $(ls "$archive" >/dev/null 2>&1 && echo kept || echo gone)"
            extract_jar dossier
            echo "started again: $(wc -l <"$WORK/extractions") extraction"
            printf 'other build' >"${JAR[dossier]}"
            touch -d '2030-01-01' -- "${JAR[dossier]}"
            extract_jar dossier
            echo "changed, same size and time: $(wc -l <"$WORK/extractions") extractions, archive $(ls "$archive" >/dev/null 2>&1 && echo kept || echo gone)"
            """);

    assertThat(lines)
        .containsExactly(
            "started again: 1 extraction, archive kept",
            "built again, same bytes: 1 extraction, archive kept",
            "started again: 1 extraction",
            "changed, same size and time: 2 extractions, archive gone");
  }

  private List<String> launcher(String script) throws Exception {
    return Launcher.run(work.resolve("run"), "set -e; " + script, Map.of("WORK", work.toString()));
  }
}
