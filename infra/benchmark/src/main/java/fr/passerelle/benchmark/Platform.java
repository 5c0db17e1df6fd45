package fr.passerelle.benchmark;

import fr.passerelle.runtime.KafkaAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
   * Resident memory of every process `up` started and of their children (PostgreSQL's backends).
   */
  long residentMegabytes() {
    try (Stream<Path> pidFiles = Files.list(runDirectory.resolve("pids"))) {
      Set<Long> roots = ConcurrentHashMap.newKeySet();
      pidFiles.forEach(f -> roots.add(Long.parseLong(read(f).trim())));
      Map<Long, Long> parents = new HashMap<>();
      Map<Long, Long> rss = new HashMap<>();
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        processes
            .filter(p -> p.getFileName().toString().matches("[0-9]+"))
            .forEach(
                p -> {
                  try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    parents.put(pid, Long.parseLong(fields[1]));
                    rss.put(pid, Long.parseLong(fields[21]) * 4); // pages of 4 KiB
                  } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                  }
                });
      }
      long kilobytes = 0;
      for (long pid : rss.keySet()) {
        for (long p = pid; p > 1; p = parents.getOrDefault(p, 0L)) {
          if (roots.contains(p)) {
            kilobytes += rss.get(pid);
            break;
          }
        }
      }
      return kilobytes / 1024;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
