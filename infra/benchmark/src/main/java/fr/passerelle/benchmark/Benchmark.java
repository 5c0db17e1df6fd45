package fr.passerelle.benchmark;

import fr.passerelle.runtime.KafkaAccess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
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
  private static final Pattern DOSSIER_ID = Pattern.compile("\"dossierId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ASSOCIATION_ID =
      Pattern.compile("\"associationId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SUBMITTED =
      Pattern.compile("\"submittedDossiers\"\\s*:\\s*([0-9]+)");
  private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ACTIVE_GENERATION =
      Pattern.compile("\"number\"\\s*:\\s*([0-9]+)[^}]*\"status\"\\s*:\\s*\"ACTIVE\"");
  private static final Pattern REBUILD_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

  /**
   * Events the rebuild reads at least (issue 14: 50,000); {@code
   * PASSERELLE_BENCHMARK_REBUILD_EVENTS} lowers it for a quick check that the benchmark works.
   */
  private static final long REBUILD_EVENTS = seconds("PASSERELLE_BENCHMARK_REBUILD_EVENTS", 50_000);

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

      double commits1 = postgresCommits(1);
      double commits8 = postgresCommits(8);
      row(
          "LIMIT PostgreSQL commits/s, 1 / 8 connections",
          "%.0f / %.0f".formatted(commits1, commits8),
          "",
          "");
      double[] kafka = kafka();
      row(
          "LIMIT Kafka sends/s, one at a time / batched; reads/s",
          "%.0f / %.0f; %.0f".formatted(kafka[0], kafka[1], kafka[2]),
          "",
          "");
      double ceiling = gatewayCeiling(16);
      row(
          "LIMIT gateway liveness route, req/s at 16 connections",
          "%.0f".formatted(ceiling),
          "",
          "");
      double livenessLatency = gatewayLatency(200);
      row(
          "LIMIT gateway liveness route, p50 at 1 connection",
          "%.1f ms".formatted(livenessLatency),
          "",
          "");

      List<Client> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS.get(CLIENTS.size() - 1); i++) {
        clients.add(client(i));
      }
      writeMix(clients.subList(0, 4), Duration.ofSeconds(5)); // warm-up, not counted
      // Before the write mix: its thousands of submitted dossiers would wait in the commission's
      // list of pending dossiers that each pathway reads.
      List<Team> teams = clients.stream().map(this::team).toList();
      for (int count : CLIENTS) {
        Pathways result = pathways(teams.subList(0, count), STEP);
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
                (command, latencies) ->
                    row(
                        "  %s, %d client(s): p50 / p99".formatted(command, count),
                        "%.0f ms / %.0f ms (%d answered)"
                            .formatted(
                                percentile(latencies, 50) / 1e6,
                                percentile(latencies, 99) / 1e6,
                                latencies.size()),
                        "",
                        "%s of the liveness route's p50 (p50)"
                            .formatted(ratio(percentile(latencies, 50) / 1e6, livenessLatency))));
      }
      for (int count : CLIENTS) {
        Result result = writeMix(clients.subList(0, count), STEP);
        row(
            "write mix, " + count + " client(s): commands/s",
            "%.0f (p50 %.0f ms, p99 %.0f ms, %d refused, CPU %.0f %%)"
                .formatted(
                    result.perSecond(),
                    result.p50(),
                    result.p99(),
                    result.refused(),
                    result.cpuBusy()),
            ">= 1,000/s, p99 < 50 ms",
            "%s of the gateway's ceiling, %s of PostgreSQL's commits (8 connections)"
                .formatted(
                    ratio(result.perSecond(), ceiling), ratio(result.perSecond(), commits8)));
      }
      double[] visible = submissionToRead(clients.get(0), 100);
      row(
          "submission -> visible in reporting, p50 / p99",
          "%.0f ms / %.0f ms".formatted(visible[0], visible[1]),
          "p99 < 100 ms",
          ratio(visible[1], 100) + " of goal (p99)");
      double[] read = dossierRead(clients.get(1), 50, 200);
      row(
          "one dossier read after 50 revisions, p50 / p99",
          "%.1f ms / %.1f ms".formatted(read[0], read[1]),
          "",
          "%s of the liveness route's p50".formatted(ratio(read[0], livenessLatency)));
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
                  ratio(perSecond, kafka[2]),
                  ratio(perSecond, commits8)));
      row("machine load average (1 min) at end, 2 cores", Platform.loadAverage(), "", "");
    } finally {
      table.print();
      Runtime.getRuntime().removeShutdownHook(down);
      platform.passerelle(Duration.ofMinutes(2), "down");
    }
  }

  // --- the machine's limits

  private double postgresCommits(int connections) throws Exception {
    String url =
        "jdbc:postgresql://127.0.0.1:" + platform.port("PASSERELLE_POSTGRES_PORT") + "/dossier";
    String password = platform.secret("postgres/dossier_owner");
    try (Connection setup = DriverManager.getConnection(url, "dossier_owner", password);
        Statement statement = setup.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS benchmark_commits (id bigserial, at timestamptz)");
    }
    LongAdder commits = new LongAdder();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread thread =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url, "dossier_owner", password);
                    PreparedStatement insert =
                        c.prepareStatement("INSERT INTO benchmark_commits (at) VALUES (now())")) {
                  while (System.nanoTime() < until) {
                    insert.executeUpdate();
                    commits.increment();
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    try (Connection cleanup = DriverManager.getConnection(url, "dossier_owner", password);
        Statement statement = cleanup.createStatement()) {
      statement.execute("DROP TABLE benchmark_commits");
    }
    return commits.sum() / 5.0;
  }

  /**
   * Kafka's sends per second (one acknowledged at a time, then batched) and reads per second (one
   * consumer reading them all back, as a rebuild's consumers read a topic from its start).
   */
  private double[] kafka() throws Exception {
    String bootstrap = "127.0.0.1:" + platform.port("PASSERELLE_KAFKA_PORT");
    String password = platform.secret("kafka/broker");
    Map<String, Object> client = new HashMap<>(KafkaAccess.brokerClient(bootstrap, password));
    String topic = "benchmark.limits";
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic(topic, 6, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Properties producer = new Properties();
    producer.putAll(client);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    String value = "x".repeat(600); // about the size of one integration event
    double oneAtATime;
    double batched;
    long sent;
    try (KafkaProducer<String, String> sender =
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
      long count = 0;
      long start = System.nanoTime();
      long until = start + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < until) {
        sender.send(new ProducerRecord<>(topic, "dossier-" + count, value)).get();
        count++;
      }
      oneAtATime = count / ((System.nanoTime() - start) / 1e9);
      int total = 200_000;
      start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        sender.send(new ProducerRecord<>(topic, "dossier-" + i, value));
      }
      sender.flush();
      batched = total / ((System.nanoTime() - start) / 1e9);
      sent = count + total;
    }
    Properties consumer = new Properties();
    consumer.putAll(client);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    double reads;
    try (KafkaConsumer<String, String> reader =
        new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          reader.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      long read = 0;
      long start = System.nanoTime();
      long deadline = start + Duration.ofMinutes(2).toNanos();
      while (read < sent && System.nanoTime() < deadline) {
        read += reader.poll(Duration.ofMillis(500)).count();
      }
      reads = read / ((System.nanoTime() - start) / 1e9);
    }
    try (Admin admin = Admin.create(client)) {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    }
    return new double[] {oneAtATime, batched, reads};
  }

  private double gatewayCeiling(int connections) throws InterruptedException {
    URI liveness = http.gateway("/actuator/health/liveness");
    Result result =
        drive(
            connections,
            Duration.ofSeconds(5),
            (index, latencies) -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(liveness)
                          .GET()
                          .timeout(Duration.ofSeconds(10))
                          .build());
              return response.statusCode() == 200;
            });
    return result.perSecond();
  }

  private double gatewayLatency(int requests) {
    URI liveness = http.gateway("/actuator/health/liveness");
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      http.send(HttpRequest.newBuilder(liveness).GET().timeout(Duration.ofSeconds(10)).build());
      latencies.add(System.nanoTime() - start);
    }
    return percentile(latencies, 50) / 1e6;
  }

  // --- the platform's own figures

  /** One association user in a département of its own, with its association approved. */
  private record Client(String departement, String associationId, String token) {}

  private Client client(int index) {
    // Départements 01 to 95 but 20 (Corsica is 2A and 2B).
    int number = index + 1 >= 20 ? index + 2 : index + 1;
    String departement = "%02d".formatted(number);
    String prefecture = http.token("prefecture-" + departement, null);
    HttpResponse<String> association =
        http.post(
            http.gateway("/api/departements/" + departement + "/associations"),
            """
            {"name":"Association %s","approvedFrom":"%s","approvedUntil":"%s"}"""
                .formatted(
                    departement, LocalDate.now().minusMonths(6), LocalDate.now().plusYears(2)),
            prefecture);
    String associationId = Http.extract(ASSOCIATION_ID, association);
    return new Client(
        departement, associationId, http.token("association-" + departement, associationId));
  }

  private String dossier(Client client) {
    return """
        {"associationId":"%s","person":{"lastName":"Personne","firstName":"Bench","birthDate":"1990-06-15"},
         "nationality":"NG","children":1,"monthlyResources":0,"receivesRsa":false,"receivesAda":false,
         "traffickingVictim":true,"plan":{"actions":["HOUSING"],"stopsProstitution":true,"signedOn":"%s"}}"""
        .formatted(client.associationId(), LocalDate.now());
  }

  /** Draft, revise, submit, again and again, by each client for {@code duration}. */
  private Result writeMix(List<Client> clients, Duration duration) throws InterruptedException {
    return drive(
        clients.size(),
        duration,
        new Action() {
          final Map<Integer, String> drafts = new ConcurrentHashMap<>();
          final Map<Integer, Integer> step = new ConcurrentHashMap<>();

          @Override
          public boolean run(int index, List<Long> latencies) {
            Client client = clients.get(index);
            String base = "/api/departements/" + client.departement() + "/dossiers";
            int next = step.getOrDefault(index, 0);
            HttpResponse<String> response;
            switch (next) {
              case 0 -> {
                response = http.post(http.gateway(base), dossier(client), client.token());
                if (response.statusCode() == 201) {
                  drafts.put(index, Http.extract(DOSSIER_ID, response));
                }
              }
              case 1 ->
                  response =
                      http.put(
                          http.gateway(base + "/" + drafts.get(index)),
                          dossier(client),
                          client.token());
              default ->
                  response =
                      http.post(
                          http.gateway(base + "/" + drafts.get(index) + "/submission"),
                          "{}",
                          client.token());
            }
            boolean ok = response.statusCode() / 100 == 2;
            step.put(index, ok ? (next + 1) % 3 : 0);
            return ok;
          }
        });
  }

  /**
   * A département's teams: the client's association user, its commission's secretariat (three
   * members appointed, the day's session open with all present) and its préfecture.
   */
  private record Team(Client client, String secretariat, String prefecture, String session) {

    String base() {
      return "/api/departements/" + client.departement();
    }
  }

  private Team team(Client client) {
    String base = "/api/departements/" + client.departement();
    String secretariat = http.token("secretariat-" + client.departement(), null);
    List<String> members = new ArrayList<>();
    for (String category : List.of("STATE_SERVICES", "JUSTICE", "HEALTH")) {
      members.add(
          Http.extract(
              MEMBER_ID,
              http.post(
                  http.gateway(base + "/commission/members"),
                  """
                  {"name":"Membre %s","category":"%s"}"""
                      .formatted(category, category),
                  secretariat)));
    }
    String present = String.join("\",\"", members);
    String session =
        Http.extract(
            SESSION_ID,
            http.post(
                http.gateway(base + "/commission/sessions"),
                """
                {"date":"%s","chairMemberId":"%s","present":["%s"]}"""
                    .formatted(LocalDate.now(), members.get(0), present),
                secretariat));
    return new Team(
        client, secretariat, http.token("prefecture-" + client.departement(), null), session);
  }

  /** The commands of a pathway, in their order; the latencies are printed in it. */
  private static final List<String> PATHWAY_COMMANDS =
      List.of("draft", "submission", "agenda", "opinion", "authorisation");

  private record Pathways(
      double perSecond,
      double commandsPerSecond,
      long unfinished,
      long unavailable,
      long tooMany,
      double cpuBusy,
      Map<String, List<Long>> latencies) {}

  /**
   * Whole pathways by each team, one after the other, for {@code duration}: the association drafts
   * and submits a dossier; once decision-service lists it as pending (read, not counted as a
   * command), the secretariat puts it on the session's agenda and records the commission's opinion,
   * and the préfecture authorises the pathway. A pathway stops at its first command not answered
   * 2xx (counted unfinished).
   */
  private Pathways pathways(List<Team> teams, Duration duration) throws InterruptedException {
    PathwayLoad load = new PathwayLoad();
    LongAdder finished = new LongAdder();
    LongAdder unfinished = new LongAdder();
    CountDownLatch done = new CountDownLatch(teams.size());
    long[] cpuBefore = cpu();
    long start = System.nanoTime();
    long until = start + duration.toNanos();
    for (Team team : teams) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < until) {
                    boolean ok;
                    try {
                      ok = pathway(team, load);
                    } catch (RuntimeException e) {
                      ok = false;
                    }
                    (ok ? finished : unfinished).increment();
                  }
                } finally {
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = cpu();
    double busy = 100.0 * (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
    Map<String, List<Long>> copied = new LinkedHashMap<>();
    load.latencies.forEach((command, values) -> copied.put(command, new ArrayList<>(values)));
    return new Pathways(
        finished.sum() / elapsed,
        load.commands.sum() / elapsed,
        unfinished.sum(),
        load.unavailable.sum(),
        load.tooMany.sum(),
        busy,
        copied);
  }

  /**
   * The requests of the pathways of one step: commands timed by kind, and every 503 and 429 answer,
   * the reads' included.
   */
  private final class PathwayLoad {
    final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    final LongAdder commands = new LongAdder();
    final LongAdder unavailable = new LongAdder();
    final LongAdder tooMany = new LongAdder();

    PathwayLoad() {
      PATHWAY_COMMANDS.forEach(
          command ->
              latencies.put(command, java.util.Collections.synchronizedList(new ArrayList<>())));
    }

    /** A command, timed: its answer when 2xx, else null. */
    HttpResponse<String> command(String command, HttpRequest request) {
      long start = System.nanoTime();
      HttpResponse<String> response = read(request);
      long elapsed = System.nanoTime() - start;
      if (response.statusCode() / 100 != 2) {
        return null;
      }
      commands.increment();
      latencies.get(command).add(elapsed);
      return response;
    }

    HttpResponse<String> read(HttpRequest request) {
      HttpResponse<String> response = http.send(request);
      switch (response.statusCode()) {
        case 503 -> unavailable.increment();
        case 429 -> tooMany.increment();
        default -> {}
      }
      return response;
    }
  }

  private boolean pathway(Team team, PathwayLoad load) {
    Client client = team.client();
    String base = team.base();
    HttpResponse<String> drafted =
        load.command(
            "draft",
            Http.authorized(http.gateway(base + "/dossiers"), client.token())
                .POST(BodyPublishers.ofString(dossier(client)))
                .build());
    if (drafted == null) {
      return false;
    }
    String id = Http.extract(DOSSIER_ID, drafted);
    if (load.command(
            "submission",
            Http.authorized(http.gateway(base + "/dossiers/" + id + "/submission"), client.token())
                .POST(BodyPublishers.ofString("{}"))
                .build())
        == null) {
      return false;
    }
    URI pending = http.gateway(base + "/commission/pending-dossiers");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!load.read(Http.authorized(pending, team.secretariat()).GET().build())
        .body()
        .contains(id)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    String session = http.gateway(base + "/commission/sessions/" + team.session()).toString();
    String today = LocalDate.now().toString();
    return load.command(
                "agenda",
                Http.authorized(URI.create(session + "/agenda"), team.secretariat())
                    .POST(BodyPublishers.ofString("{\"dossierId\":\"" + id + "\"}"))
                    .build())
            != null
        && load.command(
                "opinion",
                Http.authorized(URI.create(session + "/opinions"), team.secretariat())
                    .POST(
                        BodyPublishers.ofString(
                            """
                            {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":2,"votesAgainst":1,
                             "abstentions":0,"chairVotedFor":true}"""
                                .formatted(id)))
                    .build())
            != null
        && load.command(
                "authorisation",
                Http.authorized(http.gateway(base + "/prefecture/decisions"), team.prefecture())
                    .POST(
                        BodyPublishers.ofString(
                            """
                            {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"%s",
                             "startDate":"%s"}"""
                                .formatted(id, today, today)))
                    .build())
            != null;
  }

  private double[] submissionToRead(Client client, int samples) {
    List<Long> latencies = new ArrayList<>();
    String base = "/api/departements/" + client.departement();
    String secretariat = http.token("secretariat-" + client.departement(), null);
    for (int i = 0; i < samples; i++) {
      int before = submitted(base, secretariat);
      HttpResponse<String> drafted =
          http.post(http.gateway(base + "/dossiers"), dossier(client), client.token());
      String id = Http.extract(DOSSIER_ID, drafted);
      long start = System.nanoTime();
      http.post(http.gateway(base + "/dossiers/" + id + "/submission"), "{}", client.token());
      long deadline = start + Duration.ofSeconds(30).toNanos();
      while (submitted(base, secretariat) <= before) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a submission not visible in reporting after 30 s");
        }
      }
      latencies.add(System.nanoTime() - start);
    }
    return new double[] {percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6};
  }

  private int submitted(String base, String token) {
    HttpResponse<String> report = http.get(http.gateway(base + "/reports/dossiers"), token);
    Matcher m = SUBMITTED.matcher(report.body());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private double[] dossierRead(Client client, int revisions, int reads) {
    String base = "/api/departements/" + client.departement() + "/dossiers";
    String id =
        Http.extract(DOSSIER_ID, http.post(http.gateway(base), dossier(client), client.token()));
    for (int i = 0; i < revisions; i++) {
      http.put(http.gateway(base + "/" + id), dossier(client), client.token());
    }
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      long start = System.nanoTime();
      HttpResponse<String> read = http.get(http.gateway(base + "/" + id), client.token());
      if (read.statusCode() != 200) {
        throw new IllegalStateException("reading a dossier answered " + read.statusCode());
      }
      latencies.add(System.nanoTime() - start);
    }
    return new double[] {percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6};
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

  // --- load driving

  private interface Action {
    /** One request by client {@code index}; true when it succeeded. */
    boolean run(int index, List<Long> latencies);
  }

  private record Result(double perSecond, double p50, double p99, long refused, double cpuBusy) {}

  private Result drive(int clients, Duration duration, Action action) throws InterruptedException {
    LongAdder succeeded = new LongAdder();
    LongAdder refused = new LongAdder();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(clients);
    long[] cpuBefore = cpu();
    long start = System.nanoTime();
    long until = start + duration.toNanos();
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < clients; i++) {
      int index = i;
      Thread thread =
          new Thread(
              () -> {
                List<Long> mine = new ArrayList<>();
                try {
                  while (System.nanoTime() < until) {
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                      ok = action.run(index, mine);
                    } catch (RuntimeException e) {
                      failures.incrementAndGet();
                      ok = false;
                    }
                    if (ok) {
                      mine.add(System.nanoTime() - t);
                      succeeded.increment();
                    } else {
                      refused.increment();
                    }
                  }
                } finally {
                  latencies.addAll(mine);
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = cpu();
    double busy = 100.0 * (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
    List<Long> sorted = new ArrayList<>(latencies);
    return new Result(
        succeeded.sum() / elapsed,
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 99) / 1e6,
        refused.sum(),
        busy);
  }

  /** Busy and total jiffies of the whole machine. */
  private static long[] cpu() {
    String[] fields =
        Platform.read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+");
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new long[] {total - idle, total};
  }

  private static double percentile(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
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
