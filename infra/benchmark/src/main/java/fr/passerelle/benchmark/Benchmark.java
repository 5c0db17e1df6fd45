package fr.passerelle.benchmark;

import fr.passerelle.runtime.KafkaAccess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The platform measured from outside, on this machine, against this machine's own limits measured
 * in the same run on the same servers.
 *
 * <ol>
 *   <li>Starts the platform as the README does ({@code passerelle up --dev-issuer --no-scenario})
 *       in its own run directory, ports shifted by {@code PASSERELLE_BENCHMARK_PORT_OFFSET}: time
 *       to ready and resident memory of every process it started (with PostgreSQL's backends).
 *   <li>The limits: PostgreSQL commits per second (one-row inserts, autocommit, 1 and 8
 *       connections), Kafka sends per second (one acknowledged send at a time, and batched) and
 *       reads per second (one consumer reading back what was sent), the gateway's ceiling on its
 *       liveness route (16 connections).
 *   <li>Whole pathways through the gateway at 1, 4, 16 and 64 clients, each client its own
 *       département's teams (association, secretariat, préfecture): draft, submission, the
 *       commission's agenda and opinion, the préfet's authorisation. Pathways and commands per
 *       second, latency percentiles per command, 503 and 429 answers.
 *   <li>The association's write mix through the gateway (draft, revise, submit a dossier) at 1, 4,
 *       16 and 64 clients, each its own association user in its own département: commands per
 *       second, latency percentiles, refusals, the machine's CPU use.
 *   <li>Submission to read: a dossier submitted, then reporting's count of submitted dossiers read
 *       until it shows it; one dossier's read after 50 revisions.
 *   <li>The read models' rebuild over at least {@code PASSERELLE_BENCHMARK_REBUILD_EVENTS} events
 *       (default 50,000) published in the contracts' format ({@link #rebuildRate} says why not
 *       through the API): events per second from the request to the switch-over.
 * </ol>
 *
 * The per-caller and per-address rate limits are raised for the run (the capacity of the platform
 * is measured, not the limiter's setting). The platform is stopped ({@code passerelle down})
 * whatever happens.
 */
public final class Benchmark {

  private static final Duration STEP =
      Duration.ofSeconds(seconds("PASSERELLE_BENCHMARK_SECONDS", 15));
  private static final List<Integer> CLIENTS = List.of(1, 4, 16, 64);

  /**
   * Events the rebuild reads at least (issue 14: 50,000); {@code
   * PASSERELLE_BENCHMARK_REBUILD_EVENTS} lowers it for a quick check that the benchmark works.
   */
  private static final long REBUILD_EVENTS = seconds("PASSERELLE_BENCHMARK_REBUILD_EVENTS", 50_000);

  private static final Pattern ACTIVE_GENERATION =
      Pattern.compile("\"number\"\\s*:\\s*([0-9]+)[^}]*\"status\"\\s*:\\s*\"ACTIVE\"");
  private static final Pattern REBUILD_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

  /** The département of the rebuild's published pathways, none of the clients'. */
  private static final String REBUILD_DEPARTEMENT = "974";

  private final Platform platform;
  private final Http http;
  private final Table table = new Table();

  private Benchmark(Platform platform) {
    this.platform = platform;
    this.http = new Http(platform);
  }

  public static void main(String[] args) throws Exception {
    Benchmark benchmark =
        new Benchmark(
            new Platform(
                Path.of(System.getProperty("passerelle.root", ".")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("passerelle.run-dir", "target/platform-run"))
                    .toAbsolutePath(),
                (int) seconds("PASSERELLE_BENCHMARK_PORT_OFFSET", 0)));
    benchmark.run();
  }

  private void run() throws Exception {
    platform.clearEarlierRun();
    Thread down =
        new Thread(() -> platform.passerelle(Duration.ofMinutes(2), "down"), "passerelle-down");
    Runtime.getRuntime().addShutdownHook(down);
    try {
      long start = System.nanoTime();
      int exit = platform.passerelle(Duration.ofMinutes(15), "up", "--dev-issuer", "--no-scenario");
      double startup = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException(
            "passerelle up failed (" + exit + "), see " + platform.commandLog());
      }
      long rssAfterStart = platform.residentMegabytes();
      row("machine load average (1 min) at start, 2 cores", Platform.loadAverage(), "", "");
      row(
          "platform ready (passerelle up, built)",
          "%.1f s".formatted(startup),
          "< 60 s",
          ratio(startup, 60) + " of goal");
      row(
          "resident memory after start, all processes",
          rssAfterStart + " MB",
          "< 2,560 MB",
          ratio(rssAfterStart, 2560) + " of goal");

      Limits limits = new Limits(platform, http);
      double commits1 = limits.postgresCommits(1);
      double commits8 = limits.postgresCommits(8);
      row(
          "LIMIT PostgreSQL commits/s, 1 / 8 connections",
          "%.0f / %.0f".formatted(commits1, commits8),
          "",
          "");
      Limits.KafkaRates kafka = limits.kafka();
      row(
          "LIMIT Kafka sends/s, one at a time / batched; reads/s",
          "%.0f / %.0f; %.0f".formatted(kafka.oneAtATime(), kafka.batched(), kafka.reads()),
          "",
          "");
      double ceiling = limits.gatewayCeiling(16);
      row(
          "LIMIT gateway liveness route, req/s at 16 connections",
          "%.0f".formatted(ceiling),
          "",
          "");
      double livenessLatency = limits.gatewayLatency(200);
      row(
          "LIMIT gateway liveness route, p50 at 1 connection",
          "%.1f ms".formatted(livenessLatency),
          "",
          "");

      List<Client> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS.get(CLIENTS.size() - 1); i++) {
        clients.add(Client.open(http, i));
      }
      WriteMix writeMix = new WriteMix(http);
      writeMix.run(clients.subList(0, 4), Duration.ofSeconds(5)); // warm-up, not counted
      // Before the write mix: its thousands of submitted dossiers would wait in the commission's
      // list of pending dossiers that each pathway reads.
      List<Team> teams = clients.stream().map(client -> Team.of(http, client)).toList();
      WholePathways pathways = new WholePathways(http);
      for (int count : CLIENTS) {
        WholePathways.Result result = pathways.run(teams.subList(0, count), STEP);
        row(
            "whole pathways, " + count + " client(s): pathways/s, commands/s",
            "%.1f, %.0f (%d not finished, 503: %d, 429: %d, CPU %.0f %%)"
                .formatted(
                    result.perSecond(),
                    result.commandsPerSecond(),
                    result.unfinished(),
                    result.unavailable(),
                    result.tooMany(),
                    result.cpuBusy()),
            "no 503 while the services are up",
            "%s of the gateway's ceiling (commands)"
                .formatted(ratio(result.commandsPerSecond(), ceiling)));
        result
            .latencies()
            .forEach(
                (command, nanoseconds) -> {
                  Latencies latencies = Latencies.of(nanoseconds);
                  row(
                      "  %s, %d client(s): p50 / p99".formatted(command, count),
                      "%.0f ms / %.0f ms (%d answered)"
                          .formatted(latencies.p50(), latencies.p99(), nanoseconds.size()),
                      "",
                      "%s of the liveness route's p50 (p50)"
                          .formatted(ratio(latencies.p50(), livenessLatency)));
                });
      }
      for (int count : CLIENTS) {
        Load.Run result = writeMix.run(clients.subList(0, count), STEP);
        Latencies latencies = result.percentiles();
        row(
            "write mix, " + count + " client(s): commands/s",
            "%.0f (p50 %.0f ms, p99 %.0f ms, %d refused, CPU %.0f %%)"
                .formatted(
                    result.perSecond(),
                    latencies.p50(),
                    latencies.p99(),
                    result.failed(),
                    result.cpuBusy()),
            ">= 1,000/s, p99 < 50 ms",
            "%s of the gateway's ceiling, %s of PostgreSQL's commits (8 connections)"
                .formatted(
                    ratio(result.perSecond(), ceiling), ratio(result.perSecond(), commits8)));
      }
      Reads reads = new Reads(http);
      Latencies visible = reads.submissionToRead(clients.get(0), 100);
      row(
          "submission -> visible in reporting, p50 / p99",
          "%.0f ms / %.0f ms".formatted(visible.p50(), visible.p99()),
          "p99 < 100 ms",
          ratio(visible.p99(), 100) + " of goal (p99)");
      Latencies read = reads.dossierRead(clients.get(1), 50, 200);
      row(
          "one dossier read after 50 revisions, p50 / p99",
          "%.1f ms / %.1f ms".formatted(read.p50(), read.p99()),
          "",
          "%s of the liveness route's p50".formatted(ratio(read.p50(), livenessLatency)));
      long rssAfterLoad = platform.residentMegabytes();
      row(
          "resident memory after load, all processes",
          rssAfterLoad + " MB",
          "< 2,560 MB",
          ratio(rssAfterLoad, 2560) + " of goal");
      Rebuild rebuild = rebuildRate(REBUILD_EVENTS);
      row(
          "events published in the contracts' format, then read by reporting's live consumers",
          "%d published in %.1f s; caught up %.1f s after the last"
              .formatted(rebuild.published(), rebuild.publishing(), rebuild.catchingUp()),
          "",
          "");
      double perSecond = rebuild.events() / rebuild.rebuilding();
      row(
          "read-model rebuild, request to switch-over: events/s",
          "%.0f (%d events of %s in %.1f s)"
              .formatted(
                  perSecond,
                  rebuild.events(),
                  String.join(", ", rebuild.topics()),
                  rebuild.rebuilding()),
          ">= 15,000 events/s",
          "%s of goal, %s of Kafka's reads, %s of PostgreSQL's commits (8 connections)"
              .formatted(
                  ratio(perSecond, 15_000),
                  ratio(perSecond, kafka.reads()),
                  ratio(perSecond, commits8)));
      row("machine load average (1 min) at end, 2 cores", Platform.loadAverage(), "", "");
    } finally {
      table.print();
      Runtime.getRuntime().removeShutdownHook(down);
      platform.passerelle(Duration.ofMinutes(2), "down");
    }
  }

  // --- the read models' rebuild

  private record Rebuild(
      long published,
      double publishing,
      double catchingUp,
      Set<String> topics,
      long events,
      double rebuilding) {}

  private static final Pattern VALIDATED = Pattern.compile("\"validated\"\\s*:\\s*([0-9]+)");

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

  /**
   * Publishes at least {@code events} events (validated pathways of {@link #REBUILD_DEPARTEMENT},
   * three events each), waits until reporting's live consumers have read every record of the topics
   * they read, then asks reporting-service (its own port, an ADMIN token) for a rebuild and times
   * it until the new generation is the active one. The rebuild reads every record of those topics,
   * the platform's own included: they are the events counted. The département's review, read after
   * the switch-over, must count every published pathway.
   *
   * <p>The events are published in the contracts' format rather than made through the API: 50,000
   * events are about 17,000 whole pathways, which this machine's whole-pathway rate (a few a
   * second) would take hours to make; the rebuild reads the records, whoever wrote them.
   */
  private Rebuild rebuildRate(long events) throws Exception {
    String bootstrap = "127.0.0.1:" + platform.port("PASSERELLE_KAFKA_PORT");
    String password = platform.secret("kafka/broker");
    Map<String, Object> client = new HashMap<>(KafkaAccess.brokerClient(bootstrap, password));
    Properties producer = new Properties();
    producer.putAll(client);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    long published = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, String> sender =
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
      while (published < events) {
        for (ProducerRecord<String, String> record :
            ContractEvents.validatedPathway(REBUILD_DEPARTEMENT)) {
          sender.send(record);
          published++;
        }
      }
      sender.flush();
    }
    double publishing = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    Map<String, Object> adminClient = new HashMap<>(client);
    long total;
    Set<String> topics;
    try (Admin admin = Admin.create(adminClient)) {
      long deadline = start + Duration.ofMinutes(30).toNanos();
      while (liveLag(admin) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reporting's live consumers not caught up in 30 min");
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      topics = readTopics(admin);
      total = records(admin, topics);
    }
    double catchingUp = (System.nanoTime() - start) / 1e9;

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
    long validated = validatedIn2019(REBUILD_DEPARTEMENT);
    if (validated != pathways) {
      throw new IllegalStateException(
          "the rebuilt review counts %d validated pathways of the %d published"
              .formatted(validated, pathways));
    }
    return new Rebuild(published, publishing, catchingUp, topics, total, rebuilding);
  }

  private static int activeGeneration(HttpResponse<String> status) {
    return Integer.parseInt(Http.extract(ACTIVE_GENERATION, status));
  }

  /** Reporting-service's consumer groups (each of its live consumers has its own). */
  private static List<String> reportingGroups(Admin admin) throws Exception {
    return admin
        .listGroups(ListGroupsOptions.forConsumerGroups())
        .all()
        .get(30, TimeUnit.SECONDS)
        .stream()
        .map(GroupListing::groupId)
        .filter(group -> group.startsWith("reporting"))
        .toList();
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (partition, offset) -> {
              if (offset != null) {
                offsets.put(partition, offset.offset());
              }
            });
    return offsets;
  }

  /** The topics reporting's groups read. */
  private static Set<String> readTopics(Admin admin) throws Exception {
    Set<String> topics = new TreeSet<>();
    for (String group : reportingGroups(admin)) {
      committed(admin, group).keySet().forEach(partition -> topics.add(partition.topic()));
    }
    return topics;
  }

  /**
   * Records reporting's groups have still to read, over every partition of the topics they read (a
   * partition a group has no offset on yet counts from its first record).
   */
  private static long liveLag(Admin admin) throws Exception {
    List<String> groups = reportingGroups(admin);
    if (groups.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long lag = 0;
    for (String group : groups) {
      Map<TopicPartition, Long> committed = committed(admin, group);
      Set<TopicPartition> partitions =
          partitions(
              admin,
              committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()));
      Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
      Map<TopicPartition, Long> beginnings = offsets(admin, partitions, OffsetSpec.earliest());
      for (TopicPartition partition : partitions) {
        lag +=
            Math.max(
                0,
                ends.get(partition) - committed.getOrDefault(partition, beginnings.get(partition)));
      }
    }
    return lag;
  }

  /** Records held by {@code topics}, every partition, from its first offset to its last. */
  private static long records(Admin admin, Set<String> topics) throws Exception {
    Set<TopicPartition> partitions = partitions(admin, topics);
    Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> beginnings = offsets(admin, partitions, OffsetSpec.earliest());
    long records = 0;
    for (TopicPartition partition : partitions) {
      records += ends.get(partition) - beginnings.get(partition);
    }
    return records;
  }

  private static Set<TopicPartition> partitions(Admin admin, Set<String> topics) throws Exception {
    Set<TopicPartition> partitions = new HashSet<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
    return partitions;
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
    partitions.forEach(partition -> asked.put(partition, spec));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(asked)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private void row(String what, String figure, String goal, String ratio) {
    table.row(what, figure, goal, ratio);
  }

  private static String ratio(double value, double limit) {
    return Table.ratio(value, limit);
  }

  private static long seconds(String variable, long otherwise) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
  }
}
