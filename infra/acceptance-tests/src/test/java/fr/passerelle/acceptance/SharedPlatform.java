package fr.passerelle.acceptance;

import fr.passerelle.scenario.HauteGaronneYear;
import fr.passerelle.scenario.PlatformClient;
import fr.passerelle.scenario.ScenarioLoader;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one platform every acceptance test class drives: started before the first class that needs
 * it, stopped once the last class of the test run is done (when JUnit closes its root store), and
 * by {@link Platform}'s shutdown hook should the run be aborted. Starting the whole platform takes
 * about a minute on a small machine; once per run instead of once per class.
 *
 * <p>It exports its traces to the {@link TraceCollector} of the run, as an operator points a
 * platform at a collector ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), with the services' lines about
 * each event published and applied and the gateway's about each request: {@link TracingIT} reads
 * them, and every class's spans pass its personal-data check.
 *
 * <p>Since the classes share the platform's data, each keeps to data of its own so that no
 * assertion depends on what another class entered or on the order the classes run in: its own
 * départements and, where a class asserts figures of the whole country, a year no other class
 * enters anything in. What each takes:
 *
 * <ul>
 *   <li>{@link PlatformIT}: 2A and 976 (counts), 31 (the Haute-Garonne history of 2018 to 2020,
 *       with its validated pathways elsewhere in June 2019, and nothing in 31 this year) and 64 (a
 *       commission's members, this year's validated pathways);
 *   <li>{@link RightsOverTimeIT}: 40 (this year's payment runs) and 65 (2022 to 2023);
 *   <li>{@link PersonalDataErasureIT}: 81, in 2021 (the country's review of that year);
 *   <li>{@link TracingIT}: 35, this year (its own trace only);
 *   <li>{@link BrowserIT}: 33, this year, and the screens of 31 and of the country, which read the
 *       Haute-Garonne history ({@link #hauteGaronneYear()}) and, for the country, 2019 only.
 * </ul>
 *
 * <p>Use: {@code @ExtendWith(SharedPlatform.class)} and {@link #platform()}.
 */
final class SharedPlatform implements BeforeAllCallback {

  private static final Platform PLATFORM = Platform.fromSystemProperties();
  private static final TraceCollector COLLECTOR = new TraceCollector();
  private static boolean hauteGaronneYearLoaded;

  /** The platform, started by the time a class's {@code @BeforeAll} and tests run. */
  static Platform platform() {
    return PLATFORM;
  }

  /** The collector the platform exports its traces to. */
  static TraceCollector collector() {
    return COLLECTOR;
  }

  /**
   * Loads the Haute-Garonne history of 2018 to January 2020 ({@link HauteGaronneYear}, with the
   * other départements' validated pathways of June 2019) through the gateway, once per platform:
   * {@link PlatformIT} checks the article's figures in it, {@link BrowserIT}'s screens show them.
   */
  static synchronized void hauteGaronneYear() {
    if (!hauteGaronneYearLoaded) {
      new ScenarioLoader(new PlatformClient(PLATFORM.gateway("").toString()), System.out)
          .load(HauteGaronneYear.scenario());
      hauteGaronneYearLoaded = true;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
        .computeIfAbsent(Started.class, key -> start(), Started.class);
  }

  private static Started start() {
    COLLECTOR.start();
    try {
      PLATFORM.setEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", COLLECTOR.url());
      // spans leave every 200 ms instead of every 5 s, for a test that waits for them
      PLATFORM.setEnvironment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
      // a line per event published and applied, and per request at the gateway
      PLATFORM.setEnvironment("LOGGING_LEVEL_FR_PASSERELLE_EVENTBUS", "DEBUG");
      PLATFORM.setEnvironment("LOGGING_LEVEL_FR_PASSERELLE_GATEWAY_CORRELATION", "DEBUG");
      PLATFORM.start();
    } catch (RuntimeException e) {
      COLLECTOR.stop();
      throw e;
    }
    return new Started();
  }

  /** Stops the platform, then the collector, when JUnit closes the root store. */
  private static final class Started implements AutoCloseable {

    @Override
    public void close() {
      try {
        PLATFORM.stop();
      } finally {
        COLLECTOR.stop();
      }
    }
  }
}
