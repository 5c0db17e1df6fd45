package fr.passerelle.localplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform, started the way a developer starts it ({@code <root>/passerelle up}), in its
 * own run directory and on ports of its own so that it never meets a platform a developer is
 * running, and stopped ({@code passerelle down}) whatever happens: by {@link #stop()} once the
 * tests that use it are done, and by a JVM shutdown hook should the test run be aborted.
 *
 * <p>The acceptance tests (one for all their classes), the fuzzer and the chaos suite each start
 * one, on ports shifted by a shift of their own; a module that needs more (the broker's operator, a
 * database dump, a process to kill) extends this class with it.
 *
 * <p>The output of each command is appended to {@code passerelle-command.log} next to the run
 * directory; the services' own logs are in {@code <run dir>/logs}.
 */
public class LocalPlatform {

  /** Shifts every port of a test platform by this much more when set, see {@link #ports()}. */
  public static final String PORT_OFFSET_VARIABLE = "PASSERELLE_TEST_PORT_OFFSET";

  /** Enough for a build of the missing jars plus five services started one after another. */
  public static final Duration UP_TIMEOUT = Duration.ofMinutes(15);

  public static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

  /** The ports of the platform: the defaults shifted, see the {@code passerelle} usage. */
  public record Ports(
      int gateway,
      int dossier,
      int decision,
      int benefits,
      int reporting,
      int postgres,
      int kafka,
      int kafkaController) {

    /** The defaults of {@code passerelle up}, each shifted by {@code shift}. */
    public static Ports shiftedBy(int shift) {
      return new Ports(
          8080 + shift,
          8081 + shift,
          8082 + shift,
          8083 + shift,
          8084 + shift,
          15432 + shift,
          19092 + shift,
          19093 + shift);
    }

    /**
     * The defaults shifted by {@code shift}, and by {@code PASSERELLE_TEST_PORT_OFFSET} more when
     * set, so that two checkouts can run their tests side by side.
     */
    public static Ports forTests(int shift) {
      String offset = System.getenv(PORT_OFFSET_VARIABLE);
      return shiftedBy(
          shift + (offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.trim())));
    }

    public Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("PASSERELLE_GATEWAY_PORT", String.valueOf(gateway));
      environment.put("PASSERELLE_DOSSIER_PORT", String.valueOf(dossier));
      environment.put("PASSERELLE_DECISION_PORT", String.valueOf(decision));
      environment.put("PASSERELLE_BENEFITS_PORT", String.valueOf(benefits));
      environment.put("PASSERELLE_REPORTING_PORT", String.valueOf(reporting));
      environment.put("PASSERELLE_POSTGRES_PORT", String.valueOf(postgres));
      environment.put("PASSERELLE_KAFKA_PORT", String.valueOf(kafka));
      environment.put("PASSERELLE_KAFKA_CONTROLLER_PORT", String.valueOf(kafkaController));
      return environment;
    }

    /** The HTTP ports, gateway first: every one of them serves a readiness probe. */
    public List<Integer> httpPorts() {
      return List.of(gateway, dossier, decision, benefits, reporting);
    }
  }

  /** What a {@code passerelle} command returned, and what it wrote. */
  public record CommandResult(int exitCode, String output) {}

  private final Path root;
  private final Path runDirectory;
  private final Ports ports;
  private final Path commandLog;
  private final Thread stopOnExit = new Thread(this::stopQuietly, "passerelle-down");
  private final Map<String, String> environment = new LinkedHashMap<>();
  private volatile Process runningCommand;

  public LocalPlatform(Path root, Path runDirectory, Ports ports) {
    this.root = root.toAbsolutePath();
    this.runDirectory = runDirectory.toAbsolutePath();
    this.ports = ports;
    this.commandLog = this.runDirectory.resolveSibling("passerelle-command.log");
  }

  /**
   * The platform the build describes, on the default ports shifted by {@code shift} (and by {@code
   * PASSERELLE_TEST_PORT_OFFSET}): system properties {@code passerelle.root} (the repository) and
   * {@code passerelle.run-dir}, set by Failsafe.
   */
  protected LocalPlatform(int shift) {
    this(
        Path.of(requiredProperty("passerelle.root")),
        Path.of(requiredProperty("passerelle.run-dir")),
        Ports.forTests(shift));
  }

  /** The platform the build describes, see {@link #LocalPlatform(int)}. */
  public static LocalPlatform fromSystemProperties(int shift) {
    return new LocalPlatform(shift);
  }

  /**
   * Starts an empty platform and awaits it. The previous run directory is stopped (should an
   * aborted run have left processes behind) and deleted first.
   */
  public void start() {
    if (Files.exists(runDirectory)) {
      run(DOWN_TIMEOUT, "down");
      deleteRecursively(runDirectory);
    }
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    // The tests enter their own data: no demonstration scenario. Their callers' tokens come from
    // the gateway's dev issuer, for demo users of every role.
    CommandResult up = run(UP_TIMEOUT, "up", "--dev-issuer", "--no-scenario");
    if (up.exitCode() != 0) {
      throw new IllegalStateException(
          "'passerelle up' failed with exit code %d; its output:%n%s"
              .formatted(up.exitCode(), up.output()));
    }
  }

  /** Stops everything {@link #start()} started. */
  public void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or about to run: it stops the platform.
      return;
    }
    CommandResult down = run(DOWN_TIMEOUT, "down");
    if (down.exitCode() != 0) {
      throw new IllegalStateException(
          "'passerelle down' failed with exit code %d; its output:%n%s"
              .formatted(down.exitCode(), down.output()));
    }
  }

  public Ports ports() {
    return ports;
  }

  /**
   * Sets an environment variable of the {@code passerelle} commands, and so of the processes {@link
   * #start()} starts: a setting the platform reads from its environment (where to export traces, a
   * log level), as an operator would set it.
   */
  public void setEnvironment(String name, String value) {
    environment.put(name, value);
  }

  /** The checkout the platform is started from (system property {@code passerelle.root}). */
  public Path root() {
    return root;
  }

  /** The run directory: its {@code pids}, {@code logs} and {@code secrets}. */
  public Path runDirectory() {
    return runDirectory;
  }

  /**
   * The first line of a secret {@code passerelle up} generated, e.g. {@code secret("postgres",
   * "postgres")} for the password of the cluster's superuser.
   */
  public String secret(String first, String... more) {
    Path file = runDirectory.resolve("secrets").resolve(first);
    for (String name : more) {
      file = file.resolve(name);
    }
    try {
      return Files.readAllLines(file).get(0).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the secret " + file.getFileName(), e);
    }
  }

  /** The password of a PostgreSQL role of the platform, from the run directory's secrets. */
  public String postgresPassword(String role) {
    return secret("postgres", role);
  }

  /** The JDBC URL of database {@code database} of the platform's PostgreSQL. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database;
  }

  public URI gateway(String path) {
    return local(ports.gateway(), path);
  }

  public static URI local(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Runs {@code passerelle ARGUMENTS} on this platform's run directory and ports, and waits for it
   * at most {@code timeout} (then interrupts it: exit code -1).
   */
  public CommandResult run(Duration timeout, String... arguments) {
    String command = String.join(" ", arguments);
    List<String> commandLine = new ArrayList<>();
    commandLine.add(root.resolve("passerelle").toString());
    commandLine.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(commandLine)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(commandLog.toFile()));
    Map<String, String> environment = builder.environment();
    environment.putAll(this.environment);
    environment.put("PASSERELLE_RUN_DIR", runDirectory.toString());
    environment.putAll(ports.environment());
    // Always the embedded PostgreSQL, local Kafka and the dev issuer, whatever the calling shell
    // points at.
    for (String external :
        List.of(
            "PASSERELLE_POSTGRES_URL",
            "PASSERELLE_POSTGRES_USER",
            "PASSERELLE_POSTGRES_PASSWORD",
            "PASSERELLE_KAFKA_BOOTSTRAP_SERVERS",
            "PASSERELLE_JWT_ISSUER",
            "PASSERELLE_JWT_JWK_SET_URI",
            "PASSERELLE_DEV_ISSUER")) {
      environment.remove(external);
    }
    try {
      Files.createDirectories(commandLog.getParent());
      long offset = Files.exists(commandLog) ? Files.size(commandLog) : 0;
      Process process = builder.start();
      runningCommand = process;
      int exitCode;
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exitCode = process.exitValue();
      } else {
        // SIGTERM: the command's own trap stops whatever it had started.
        process.destroy();
        process.waitFor(DOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        exitCode = -1;
      }
      return new CommandResult(exitCode, outputSince(offset));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run 'passerelle " + command + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running 'passerelle " + command + "'", e);
    }
  }

  /**
   * For the shutdown hook: an {@code up} still in progress is interrupted first (its trap stops
   * what it had started), so that it cannot start more after {@code down} has run.
   */
  private void stopQuietly() {
    Process command = runningCommand;
    if (command != null && command.isAlive()) {
      command.destroy();
      try {
        command.waitFor(DOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    run(DOWN_TIMEOUT, "down");
  }

  private String outputSince(long offset) throws IOException {
    byte[] log = Files.readAllBytes(commandLog);
    int from = (int) Math.min(offset, log.length);
    return new String(log, from, log.length - from, StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the previous run directory", e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (see the pom)");
    }
    return value;
  }
}
