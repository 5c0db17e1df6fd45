package fr.passerelle.edge.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpEndpointFromEnvironmentTest {

  @Test
  void nothingIsExportedWhenNoCollectorIsNamed() {
    var environment = environment(Map.of());

    assertThat(environment.containsProperty(OtlpEndpointFromEnvironment.ENDPOINT)).isFalse();
  }

  @Test
  void theCollectorsBaseUrlGetsTheTracesPath() {
    var environment =
        environment(Map.of(OtlpEndpointFromEnvironment.BASE_ENDPOINT, "http://collector:4318/"));

    assertThat(environment.getProperty(OtlpEndpointFromEnvironment.ENDPOINT))
        .isEqualTo("http://collector:4318/v1/traces");
  }

  @Test
  void theTracesEndpointIsTakenAsItIsAndBeforeTheBaseUrl() {
    var environment =
        environment(
            Map.of(
                OtlpEndpointFromEnvironment.BASE_ENDPOINT, "http://collector:4318",
                OtlpEndpointFromEnvironment.TRACES_ENDPOINT, "https://traces.example/otlp"));

    assertThat(environment.getProperty(OtlpEndpointFromEnvironment.ENDPOINT))
        .isEqualTo("https://traces.example/otlp");
  }

  @Test
  void theFormerSpringBootPropertyStillWorks() {
    var environment =
        environment(
            Map.of(OtlpEndpointFromEnvironment.FORMER_ENDPOINT, "http://old:4318/v1/traces"));

    assertThat(environment.getProperty(OtlpEndpointFromEnvironment.ENDPOINT))
        .isEqualTo("http://old:4318/v1/traces");
  }

  @Test
  void theEndpointSetExplicitlyWins() {
    var environment =
        environment(
            Map.of(
                OtlpEndpointFromEnvironment.BASE_ENDPOINT, "http://collector:4318",
                OtlpEndpointFromEnvironment.ENDPOINT, "http://chosen:4318/v1/traces"));

    assertThat(environment.getProperty(OtlpEndpointFromEnvironment.ENDPOINT))
        .isEqualTo("http://chosen:4318/v1/traces");
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    var environment = new StandardEnvironment();
    // only what the test names, whatever the machine's environment says
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new OtlpEndpointFromEnvironment().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
