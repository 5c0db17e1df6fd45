package fr.passerelle.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform measured from outside, on this machine, against this machine's own limits measured
 * in the same run on the same servers.
 *
 * <ol>
 *   <li>Starts the platform as the README does ({@code passerelle up --dev-issuer --no-scenario})
 *       in its own run directory, ports shifted by {@code PASSERELLE_BENCHMARK_PORT_OFFSET}, then
 *       stops it and starts it again: time to ready of each start (the first records the class
 *       archive of a service whose jar changed since the last start, the second maps it), with the
 *       number of archives in place once up, and the memory of every process it started,
 *       PostgreSQL's postmaster and backends included (shared pages counted once, PSS, and the sum
 *       of resident sizes, RSS).
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
 *       second, latency percentiles, refusals, the machine's CPU use, and the CPU time each of the
 *       platform's processes used per command (with the rate the machine's processors would run out
 *       at that cost).
 *   <li>Submission to read: a dossier submitted, then reporting's count of submitted dossiers read
 *       until it shows it, 100 times right after the write mix (with what it left to consume), then
 *       100 times once the platform is quiet (the goal's figure), each split into the submission's
 *       answer, its record's sending by the outbox and the rest, with the slowest samples; one
 *       dossier's read after 50 revisions.
 *   <li>The read models' rebuild over at least {@code PASSERELLE_BENCHMARK_REBUILD_EVENTS} events
 *       (default 50,000) published in the contracts' format ({@link Rebuild} says why not through
 *       the API): events per second from the request to the switch-over.
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

  /** How long the idle platform's own work on PostgreSQL is counted. */
  private static final Duration IDLE = Duration.ofSeconds(10);

  /**
   * Events the rebuild reads at least (issue 14: 50,000); {@code
   * PASSERELLE_BENCHMARK_REBUILD_EVENTS} lowers it for a quick check that the benchmark works.
   */
  private static final long REBUILD_EVENTS = seconds("PASSERELLE_BENCHMARK_REBUILD_EVENTS", 50_000);

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
      // Started twice: as found (after a build that changed a service's jar, that service records
      // its class archive, written when it stops), then again after a stop, as an operator
      // restarts it.
      up("first start");
      platform.passerelle(Duration.ofMinutes(5), "down");
      up("start again after passerelle down");
      Platform.Memory afterStart = platform.memory();
      row("machine load average (1 min) at start, 2 cores", Platform.loadAverage(), "", "");
      memory("after start", afterStart);

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
        Map<String, Platform.Usage> before = platform.usageByProcess();
        Platform.Database databaseBefore = platform.database();
        Load.Run result = writeMix.run(clients.subList(0, count), STEP);
        Map<String, Platform.Usage> after = platform.usageByProcess();
        Platform.Database databaseAfter = platform.database();
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
        cpuPerCommand(
            "write mix, " + count + " client(s)",
            before,
            after,
            result.succeeded() + result.failed());
        databasePerCommand(
            "write mix, " + count + " client(s)",
            databaseBefore,
            databaseAfter,
            result.succeeded() + result.failed());
      }
      // The write mix leaves work behind (reporting's, decision-service's consumers): measured at
      // once, the latency is the backlog's; measured again once the platform is quiet, the
      // pipeline's own, against its goal.
      Reads reads = new Reads(http);
      Reads.Visibility busy = reads.submissionToRead(clients.get(0), 100, platform.kafkaClient());
      visibility("right after the write mix", busy, "");
      long quieting = System.nanoTime();
      platform.awaitQuiet(quieting + Duration.ofMinutes(5).toNanos());
      double quiet = (System.nanoTime() - quieting) / 1e9;
      Platform.Database idleBefore = platform.database();
      Thread.sleep(IDLE.toMillis());
      Platform.Database idleAfter = platform.database();
      row(
          ("PostgreSQL's WAL flushes per second, no request for %d s (its own background work"
                  + " after the load included)")
              .formatted(IDLE.toSeconds()),
          "%.1f"
              .formatted(
                  (idleAfter.walFlushes() - idleBefore.walFlushes()) / (double) IDLE.toSeconds()),
          "",
          "");
      Platform.Database quietBefore = platform.database();
      Reads.Visibility visible =
          reads.submissionToRead(clients.get(0), 100, platform.kafkaClient());
      Platform.Database quietAfter = platform.database();
      visibility(
          "the platform quiet (%.1f s after the above)".formatted(quiet), visible, "p99 < 100 ms");
      // each sample a draft and its submission
      databasePerCommand("draft or submission, the platform quiet", quietBefore, quietAfter, 200);
      Latencies read = reads.dossierRead(clients.get(1), 50, 200);
      row(
          "one dossier read after 50 revisions, p50 / p99",
          "%.1f ms / %.1f ms".formatted(read.p50(), read.p99()),
          "",
          "%s of the liveness route's p50".formatted(ratio(read.p50(), livenessLatency)));
      memory("after load", platform.memory());
      Rebuild.Result rebuild = new Rebuild(platform, http).measure(REBUILD_EVENTS);
      row(
          "events published in the contracts' format, then read by reporting's live consumers",
          ("%d published in %.1f s; caught up %.1f s after the last (every service's %.1f s later,"
                  + " the platform quiet %.1f s after that)")
              .formatted(
                  rebuild.published(),
                  rebuild.publishing(),
                  rebuild.catchingUp(),
                  rebuild.settling(),
                  rebuild.quieting()),
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

  /** Runs {@code passerelle up} and prints the time until it returned with all ready. */
  private void up(String which) throws IOException {
    long start = System.nanoTime();
    int exit = platform.passerelle(Duration.ofMinutes(15), "up", "--dev-issuer", "--no-scenario");
    if (exit != 0) {
      throw new IllegalStateException(
          "passerelle up failed (" + exit + "), see " + platform.commandLog());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // Counted once up: a jar that changed was extracted again, without its archive, which the
    // start then recorded (written at the next stop); those in place now are those it could map.
    long archives = platform.classArchives();
    row(
        "platform ready, %s (built; class archives in place once up: %d of 5)"
            .formatted(which, archives),
        "%.1f s".formatted(seconds),
        "< 60 s",
        ratio(seconds, 60) + " of goal");
  }

  /**
   * A submission's way to reporting: the whole (against the goal when there is one), then where its
   * time went: the submission answered, its record sent by the outbox, from there to the read that
   * showed it; how long one read of the count took; and the slowest samples, split.
   */
  private void visibility(String when, Reads.Visibility visibility, String goal) {
    Latencies visible = visibility.visible();
    row(
        "submission -> visible in reporting, " + when + ", p50 / p99",
        "%.0f ms / %.0f ms".formatted(visible.p50(), visible.p99()),
        goal,
        goal.isEmpty() ? "" : ratio(visible.p99(), 100) + " of goal (p99)");
    Latencies answered = visibility.answered();
    Latencies sent = visibility.sent();
    Latencies afterSent = visibility.afterSent();
    Latencies reads = visibility.reads();
    row(
        "  of which: answered / sent to Kafka by the outbox / from there to seen, p50 / p99",
        "%.0f / %.0f ms, %.0f / %.0f ms, %.0f / %.0f ms; one read of the count %.0f / %.0f ms"
            .formatted(
                answered.p50(),
                answered.p99(),
                sent.p50(),
                sent.p99(),
                afterSent.p50(),
                afterSent.p99(),
                reads.p50(),
                reads.p99()),
        "",
        "");
    List<String> slowest = visibility.slowest(3);
    for (int i = 0; i < slowest.size(); i++) {
      row("  slowest " + (i + 1), slowest.get(i), "", "");
    }
  }

  /**
   * The platform's memory, PostgreSQL's server included: shared pages counted once (PSS) against
   * the goal, and the sum of resident sizes (RSS) beside it.
   */
  private void memory(String when, Platform.Memory memory) {
    row(
        "memory " + when + ", all processes with PostgreSQL's server: PSS (RSS)",
        "%d MB (%d MB)".formatted(memory.proportional(), memory.resident()),
        "< 2,560 MB",
        "%s of goal (PSS), %s (RSS)"
            .formatted(ratio(memory.proportional(), 2560), ratio(memory.resident(), 2560)));
  }

  /**
   * The CPU time each process of the platform used per command sent during a step (a refused one
   * did work too), and the most commands per second this machine's processors could run at that
   * cost: the ceiling the step's rate meets when the machine is busy.
   */
  private void cpuPerCommand(
      String step,
      Map<String, Platform.Usage> before,
      Map<String, Platform.Usage> after,
      long commands) {
    if (commands == 0) {
      return;
    }
    Map<String, Double> milliseconds = new LinkedHashMap<>();
    after.entrySet().stream()
        .filter(e -> before.containsKey(e.getKey()))
        .map(
            e ->
                Map.entry(
                    e.getKey(),
                    (e.getValue().cpuTicks() - before.get(e.getKey()).cpuTicks())
                        * 10.0
                        / commands))
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> milliseconds.put(e.getKey(), e.getValue()));
    double total = milliseconds.values().stream().mapToDouble(Double::doubleValue).sum();
    int processors = Runtime.getRuntime().availableProcessors();
    row(
        "  CPU per command, " + step,
        "%.1f ms (%s)"
            .formatted(
                total,
                milliseconds.entrySet().stream()
                    .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))),
        "",
        "%.0f commands/s at most on %d processors at this cost"
            .formatted(processors * 1000 / total, processors));
  }

  /**
   * PostgreSQL's work per command sent during a step: its flushes of the write-ahead log, which the
   * commits that must be durable wait for on the one disk, and each service's commits.
   */
  private void databasePerCommand(
      String step, Platform.Database before, Platform.Database after, long commands) {
    if (commands == 0) {
      return;
    }
    Map<String, Double> commits = new LinkedHashMap<>();
    after
        .commits()
        .forEach(
            (database, count) ->
                commits.put(
                    database,
                    (count - before.commits().getOrDefault(database, 0L)) / (double) commands));
    row(
        "  PostgreSQL per command, " + step + ": WAL flushes; commits",
        "%.2f; %.2f (%s)"
            .formatted(
                (after.walFlushes() - before.walFlushes()) / (double) commands,
                commits.values().stream().mapToDouble(Double::doubleValue).sum(),
                commits.entrySet().stream()
                    .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))),
        "",
        "");
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
