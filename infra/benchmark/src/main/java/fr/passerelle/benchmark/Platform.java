package fr.passerelle.benchmark;

import fr.passerelle.runtime.KafkaAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The platform's processes as {@code passerelle up} starts them for the benchmark: in a run
 * directory of their own, every port shifted by the benchmark's offset, so that a run does not meet
 * a developer's platform on the same machine.
 */
final class Platform {

  private final Path root;
  private final Path runDirectory;
  private final int offset;

  Platform(Path root, Path runDirectory, int offset) {
    this.root = root;
    this.runDirectory = runDirectory;
    this.offset = offset;
  }

  /** Stops and removes what an earlier run left behind, so that this one starts afresh. */
  void clearEarlierRun() throws IOException {
    if (Files.exists(runDirectory)) {
      passerelle(Duration.ofMinutes(2), "down");
      deleteRecursively(runDirectory);
    }
  }

  /** Where {@code passerelle}'s output goes: the place to look when {@code up} fails. */
  Path commandLog() {
    return runDirectory.resolveSibling("passerelle-command.log");
  }

  int port(String name) {
    return Integer.parseInt(ports().get(name));
  }

  /** A secret {@code up} generated, e.g. {@code kafka/broker}. */
  String secret(String name) {
    return read(runDirectory.resolve("secrets/" + name)).trim();
  }

  /**
   * What PostgreSQL has counted since it started: its flushes of the write-ahead log to disk
   * ({@code pg_stat_wal.wal_sync}; a commit that must be durable waits for one, and every such
   * commit shares the one disk) and the commits of each service's database ({@code
   * pg_stat_database.xact_commit}, durable or not). Backends report them at most a second late.
   */
  Database database() {
    String url = "jdbc:postgresql://127.0.0.1:" + port("PASSERELLE_POSTGRES_PORT") + "/dossier";
    try (Connection connection =
            DriverManager.getConnection(url, "dossier_owner", secret("postgres/dossier_owner"));
        Statement statement = connection.createStatement()) {
      long flushes;
      try (ResultSet wal = statement.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
        wal.next();
        flushes = wal.getLong(1);
      }
      Map<String, Long> commits = new TreeMap<>();
      try (ResultSet databases =
          statement.executeQuery(
              "SELECT datname, xact_commit FROM pg_stat_database"
                  + " WHERE datname IN ('dossier', 'decision', 'benefits', 'reporting')")) {
        while (databases.next()) {
          commits.put(databases.getString(1), databases.getLong(2));
        }
      }
      return new Database(flushes, commits);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL's statistics could not be read", e);
    }
  }

  /** PostgreSQL's flushes of its log and each service's commits, counted since it started. */
  record Database(long walFlushes, Map<String, Long> commits) {}

  /** The settings of a Kafka client of the platform's broker, as its services connect. */
  Map<String, Object> kafkaClient() {
    return new HashMap<>(
        KafkaAccess.brokerClient(
            "127.0.0.1:" + port("PASSERELLE_KAFKA_PORT"), secret("kafka/broker")));
  }

  private Map<String, String> ports() {
    Map<String, Integer> defaults = new LinkedHashMap<>();
    defaults.put("PASSERELLE_GATEWAY_PORT", 8080);
    defaults.put("PASSERELLE_DOSSIER_PORT", 8081);
    defaults.put("PASSERELLE_DECISION_PORT", 8082);
    defaults.put("PASSERELLE_BENEFITS_PORT", 8083);
    defaults.put("PASSERELLE_REPORTING_PORT", 8084);
    defaults.put("PASSERELLE_POSTGRES_PORT", 15432);
    defaults.put("PASSERELLE_KAFKA_PORT", 19092);
    defaults.put("PASSERELLE_KAFKA_CONTROLLER_PORT", 19093);
    Map<String, String> ports = new LinkedHashMap<>();
    defaults.forEach((name, port) -> ports.put(name, String.valueOf(port + offset)));
    return ports;
  }

  /**
   * Runs {@code passerelle} with {@code arguments}: its exit code, or -1 when it did not end within
   * {@code timeout}. The per-caller and per-address rate limits are raised (the capacity of the
   * platform is measured, not the limiter's setting), and the variables that would point the
   * platform at external servers are removed.
   */
  int passerelle(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>(List.of(root.resolve("passerelle").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(commandLog().toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("PASSERELLE_RUN_DIR", runDirectory.toString());
    environment.putAll(ports());
    for (String kind : List.of("ADDRESS", "CALLER")) {
      String prefix = "PASSERELLE_GATEWAY_RATELIMIT_" + kind + "_";
      environment.put(prefix + "CAPACITY", "1000000");
      environment.put(prefix + "REFILLTOKENS", "1000000");
    }
    for (String external :
        List.of(
            "PASSERELLE_POSTGRES_URL",
            "PASSERELLE_POSTGRES_USER",
            "PASSERELLE_POSTGRES_PASSWORD",
            "PASSERELLE_KAFKA_BOOTSTRAP_SERVERS",
            "PASSERELLE_JWT_ISSUER",
            "PASSERELLE_JWT_JWK_SET_URI")) {
      environment.remove(external);
    }
    try {
      Files.createDirectories(runDirectory.getParent());
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        process.waitFor(2, TimeUnit.MINUTES);
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * The class archives the services' next start will map ({@code <jar's target>/extracted
   * /classes.jsa}, written by {@code passerelle} when a service that recorded one stops).
   */
  long classArchives() throws IOException {
    try (Stream<Path> files = Files.find(root, 5, (path, attributes) -> isClassArchive(path))) {
      return files.count();
    }
  }

  private static boolean isClassArchive(Path path) {
    return path.endsWith(Path.of("target", "extracted", "classes.jsa"));
  }

  /**
   * Memory of every process `up` started, PostgreSQL's postmaster and backends included, in MB: the
   * sum of their resident sizes (RSS, which counts a page shared by several processes once in each,
   * PostgreSQL's shared buffers in every backend that touched them), and their proportional share
   * (PSS, each shared page divided among the processes that share it: what they take together).
   */
  Memory memory() {
    long rss = 0;
    long pss = 0;
    for (Usage usage : usageByProcess().values()) {
      rss += usage.residentKilobytes();
      pss += usage.proportionalKilobytes();
    }
    return new Memory(rss / 1024, pss / 1024);
  }

  /** The CPU time every process of the platform has used until now, in clock ticks (1/100 s). */
  long cpuTicks() {
    return usageByProcess().values().stream().mapToLong(Usage::cpuTicks).sum();
  }

  /**
   * The platform at rest uses less than this share of one processor, every process together (the
   * broker's and the services' idle polling, heartbeats and health checks, a few percent each).
   */
  private static final double QUIET = 0.5;

  /**
   * Waits until the platform's processes together use less than {@link #QUIET} of a processor over
   * two seconds in a row: a service whose consumers have read every record may still be applying
   * what they read (benefits-service's event processors open the rights of the published pathways
   * for some seconds after its consumer has read their validations), and would otherwise share the
   * processors with what is measured next.
   *
   * @param deadline {@link System#nanoTime()} by which it must be quiet
   */
  void awaitQuiet(long deadline) {
    int quietSeconds = 0;
    long before = cpuTicks();
    while (quietSeconds < 2) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the platform not quiet in time");
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      long now = cpuTicks();
      // clock ticks are hundredths of a second: ticks over one second are hundredths of a processor
      quietSeconds = (now - before) < QUIET * 100 ? quietSeconds + 1 : 0;
      before = now;
    }
  }

  /** The platform's memory in MB, counted two ways (see {@link #memory()}). */
  record Memory(long resident, long proportional) {}

  /** What a process `up` started uses, its children included. */
  record Usage(long residentKilobytes, long proportionalKilobytes, long cpuTicks) {

    Usage plus(Usage other) {
      return new Usage(
          residentKilobytes + other.residentKilobytes,
          proportionalKilobytes + other.proportionalKilobytes,
          cpuTicks + other.cpuTicks);
    }
  }

  /**
   * By name of the process {@code up} started ({@code dossier}, {@code kafka}, {@code postgres},
   * {@code dossier#2}...): its resident memory, its proportional share of it and the CPU time it
   * has used until now, in clock ticks (1/100 s), each with its children's; {@code postgres} counts
   * the server's postmaster and backends with their launcher.
   */
  Map<String, Usage> usageByProcess() {
    Map<Long, String> roots = new HashMap<>();
    try (Stream<Path> pidFiles = Files.list(runDirectory.resolve("pids"))) {
      pidFiles
          .filter(f -> f.getFileName().toString().endsWith(".pid"))
          .forEach(
              f ->
                  roots.put(
                      Long.parseLong(read(f).trim()),
                      f.getFileName().toString().replaceFirst("\\.pid$", "")));
      // PostgreSQL's postmaster leaves its launcher (it is a child of init): found by its own pid
      // file, with its backends under it
      Path postmaster = runDirectory.resolve("postgres").resolve("postmaster.pid");
      if (Files.exists(postmaster)) {
        roots.put(
            Long.parseLong(read(postmaster).lines().findFirst().orElseThrow().trim()), "postgres");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Long, Long> parents = new HashMap<>();
    Map<Long, Usage> usage = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(p -> p.getFileName().toString().matches("[0-9]+"))
          .forEach(
              p -> {
                try {
                  long pid = Long.parseLong(p.getFileName().toString());
                  String stat = Files.readString(p.resolve("stat"));
                  // the fields after the command's name, from the state (field 3 of proc(5))
                  String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                  parents.put(pid, Long.parseLong(fields[1]));
                  usage.put(
                      pid,
                      new Usage(
                          Long.parseLong(fields[21]) * 4, // pages of 4 KiB
                          0,
                          Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                } catch (IOException | RuntimeException gone) {
                  // the process ended meanwhile
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Usage> byProcess = new TreeMap<>();
    usage.forEach(
        (pid, used) -> {
          for (long p = pid; p > 1; p = parents.getOrDefault(p, 0L)) {
            String name = roots.get(p);
            if (name != null) {
              Usage withShare =
                  new Usage(used.residentKilobytes(), proportionalKilobytes(pid), used.cpuTicks());
              byProcess.merge(name, withShare, Usage::plus);
              break;
            }
          }
        });
    return byProcess;
  }

  /** A process's proportional set size in KiB, 0 if it ended meanwhile. */
  private static long proportionalKilobytes(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")).stream()
          .filter(line -> line.startsWith("Pss:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** Other work on the machine skews every figure: the table says how busy it was. */
  static String loadAverage() {
    return read(Path.of("/proc/loadavg")).split(" ")[0];
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
