package fr.passerelle.benchmark;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The read models' rebuild, timed from the request to the switch-over, over events published in the
 * contracts' format.
 *
 * <p>The events are published in the contracts' format rather than made through the API: 50,000
 * events are about 17,000 whole pathways, which this machine's whole-pathway rate (a few a second)
 * would take hours to make; the rebuild reads the records, whoever wrote them.
 */
final class Rebuild {

  /**
   * The rebuild's figures: events published and the time it took, the time reporting's live
   * consumers then took to read them, the time the other services' consumers took after that, the
   * time until the platform's processes were quiet after that, the topics the rebuild read, the
   * records they hold (the events counted) and the time from the request to the switch-over.
   */
  record Result(
      long published,
      double publishing,
      double catchingUp,
      double settling,
      double quieting,
      Set<String> topics,
      long events,
      double rebuilding) {}

  /** The département of the rebuild's published pathways, none of the clients'. */
  private static final String DEPARTEMENT = "974";

  private static final Pattern ACTIVE_GENERATION =
      Pattern.compile("\"number\"\\s*:\\s*([0-9]+)[^}]*\"status\"\\s*:\\s*\"ACTIVE\"");
  private static final Pattern REBUILD_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern VALIDATED = Pattern.compile("\"validated\"\\s*:\\s*([0-9]+)");

  private final Platform platform;
  private final Http http;

  Rebuild(Platform platform, Http http) {
    this.platform = platform;
    this.http = http;
  }

  /**
   * Publishes at least {@code events} events (validated pathways of {@link #DEPARTEMENT}, three
   * events each), waits until reporting's live consumers have read every record of the topics they
   * read, then until every service's have ({@link #awaitRest}), then asks reporting-service (its
   * own port, an ADMIN token) for a rebuild and times it until the new generation is the active
   * one. The rebuild reads every record of those topics, the platform's own included: they are the
   * events counted. The département's review, read after the switch-over, must count every
   * published pathway.
   */
  Result measure(long events) throws Exception {
    Map<String, Object> client = platform.kafkaClient();
    Properties producer = new Properties();
    producer.putAll(client);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    long published = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, String> sender =
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
      while (published < events) {
        for (ProducerRecord<String, String> record : ContractEvents.validatedPathway(DEPARTEMENT)) {
          sender.send(record);
          published++;
        }
      }
      sender.flush();
    }
    double publishing = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    long total;
    Set<String> topics;
    double catchingUp;
    double settling;
    double quieting;
    try (Admin admin = Admin.create(client)) {
      long deadline = start + Duration.ofMinutes(30).toNanos();
      while (KafkaPositions.liveLag(admin) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reporting's live consumers not caught up in 30 min");
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      catchingUp = (System.nanoTime() - start) / 1e9;
      awaitRest(admin, deadline);
      settling = (System.nanoTime() - start) / 1e9 - catchingUp;
      platform.awaitQuiet(deadline);
      quieting = (System.nanoTime() - start) / 1e9 - catchingUp - settling;
      topics = KafkaPositions.readTopics(admin);
      total = KafkaPositions.records(admin, topics);
    }

    URI readModels =
        URI.create(
            "http://127.0.0.1:"
                + platform.port("PASSERELLE_REPORTING_PORT")
                + "/admin/read-models");
    String admin = http.token("admin", null);
    int before = activeGeneration(http.get(readModels, admin));
    start = System.nanoTime();
    HttpResponse<String> requested = http.post(URI.create(readModels + "/rebuild"), "", admin);
    if (requested.statusCode() != 202) {
      throw new IllegalStateException(
          "the rebuild answered " + requested.statusCode() + ": " + requested.body());
    }
    long deadline = start + Duration.ofMinutes(30).toNanos();
    while (true) {
      HttpResponse<String> status = http.get(readModels, admin);
      if (activeGeneration(status) != before) {
        break;
      }
      Matcher error = REBUILD_ERROR.matcher(status.body());
      if (error.find() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the rebuild did not switch over: " + status.body());
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    double rebuilding = (System.nanoTime() - start) / 1e9;
    long pathways = published / ContractEvents.PER_PATHWAY;
    long validated = validatedIn2019(DEPARTEMENT);
    if (validated != pathways) {
      throw new IllegalStateException(
          "the rebuilt review counts %d validated pathways of the %d published"
              .formatted(validated, pathways));
    }
    return new Result(
        published, publishing, catchingUp, settling, quieting, topics, total, rebuilding);
  }

  /**
   * Waits until every service's consumers have read everything and nothing more is published (the
   * records of reporting's topics the same over a second): decision-service and benefits-service
   * read the published events too, and would otherwise share the processors with the rebuild.
   */
  private static void awaitRest(Admin admin, long deadline) throws Exception {
    long before = -1;
    while (true) {
      long records = KafkaPositions.records(admin, KafkaPositions.readTopics(admin));
      if (records == before && KafkaPositions.platformLag(admin) == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the services' consumers not caught up in 30 min");
      }
      before = records;
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }

  private static int activeGeneration(HttpResponse<String> status) {
    return Integer.parseInt(Http.extract(ACTIVE_GENERATION, status));
  }

  /**
   * The pathways the département's review (the rebuilt read models) counts validated in 2019, the
   * year of the golden samples' decisions: the rebuild is checked to have read them all.
   */
  private long validatedIn2019(String departement) {
    return Long.parseLong(
        Http.extract(
            VALIDATED,
            http.get(
                http.gateway("/api/departements/" + departement + "/reports/review?year=2019"),
                http.token("prefecture-" + departement, null))));
  }
}
