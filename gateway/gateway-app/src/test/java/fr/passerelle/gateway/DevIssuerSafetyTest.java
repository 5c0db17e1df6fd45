package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.dev.DevIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dev issuer lets anyone sign in as anyone: it never starts where an external identity provider
 * is configured, and says so in the log whenever it runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevIssuerSafetyTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "PASSERELLE_JWT_ISSUER",
        "PASSERELLE_JWT_JWK_SET_URI",
        "passerelle.security.jwt.jwk-set-uri"
      })
  void theGatewayRefusesToStartTheDevIssuerWithAnExternalProvider(String setting) {
    assertThatThrownBy(
            () -> start("--" + setting + "=https://idp.example/realms/passerelle").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev issuer")
        .hasMessageContaining(setting);
  }

  @Test
  void aRunningDevIssuerIsAnnouncedAtWarn(CapturedOutput output) {
    try (ConfigurableApplicationContext gateway = start()) {
      assertThat(gateway.getBean(DevIssuer.class)).isNotNull();
    }

    assertThat(output.getOut().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("WARN")
                    .contains(DevIssuer.BANNER)
                    .contains("never in production"));
  }

  /** The gateway under the dev profile, with {@code arguments} on its command line. */
  private static ConfigurableApplicationContext start(String... arguments) {
    return new SpringApplicationBuilder(GatewayApplication.class)
        .profiles("dev")
        .properties("server.port=0")
        .run(arguments);
  }
}
