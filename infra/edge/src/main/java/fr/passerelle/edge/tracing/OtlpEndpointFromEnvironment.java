package fr.passerelle.edge.tracing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the spans go (ADR 43): a collector named the way OpenTelemetry's own tools name it ({@code
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, the full URL, or {@code OTEL_EXPORTER_OTLP_ENDPOINT}, the
 * collector's base URL to which {@code /v1/traces} is added), or by the property earlier Spring
 * Boot versions read ({@code management.otlp.tracing.endpoint}), becomes Spring Boot's {@code
 * management.opentelemetry.tracing.export.otlp.endpoint}. Spring Boot creates the OTLP exporter
 * only when that property is set, so nothing is exported, and nothing is attempted, when none of
 * them is. The derived setting comes last: the property set explicitly wins.
 */
public class OtlpEndpointFromEnvironment implements EnvironmentPostProcessor {

  static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
  static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

  /** The collector's base URL, as OpenTelemetry's own tools name it: the deployments set it. */
  public static final String BASE_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

  static final String FORMER_ENDPOINT = "management.otlp.tracing.endpoint";

  private static final String SOURCE = "passerelleOtlpEndpoint";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String endpoint = endpoint(environment);
    if (endpoint == null) {
      return;
    }
    Map<String, Object> derived = new HashMap<>();
    derived.put(ENDPOINT, endpoint);
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
  }

  /** The traces endpoint the environment names, or null when it names none. */
  static String endpoint(ConfigurableEnvironment environment) {
    String traces = environment.getProperty(TRACES_ENDPOINT);
    if (hasText(traces)) {
      return traces.strip();
    }
    String base = environment.getProperty(BASE_ENDPOINT);
    if (hasText(base)) {
      String stripped = base.strip();
      return (stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped)
          + "/v1/traces";
    }
    String former = environment.getProperty(FORMER_ENDPOINT);
    return hasText(former) ? former.strip() : null;
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
