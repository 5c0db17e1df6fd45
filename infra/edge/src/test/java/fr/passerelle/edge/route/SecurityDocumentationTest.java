package fr.passerelle.edge.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md is what {@link RouteDocumentation} renders from the route table: the build fails
 * while it is stale. {@code -Dpasserelle.write-docs=true} writes it anew.
 */
class SecurityDocumentationTest {

  private static final Path DOCUMENT = Path.of("../../docs/security.md");

  @Test
  void securityDocumentationIsGeneratedFromTheRouteTable() throws IOException {
    String rendered = RouteDocumentation.markdown();
    if (Boolean.getBoolean("passerelle.write-docs")) {
      Files.writeString(DOCUMENT, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
        .as("docs/security.md is stale: run this test with -Dpasserelle.write-docs=true")
        .isEqualTo(rendered);
  }
}
