package fr.passerelle.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL server (real binaries, run by zonky's {@link EmbeddedPostgres}) as its
 * own process, holding one database per service. Data stays in the data directory: a restart reuses
 * it instead of running {@code initdb} again.
 *
 * <p>Run it with {@code --data-dir=DIR [--port=15432] [--bind-address=127.0.0.1]
 * [--databases=dossier,decision,benefits,reporting]}, or the same settings as system properties
 * {@code passerelle.postgres.data-dir}, {@code .port}, {@code .bind-address}, {@code .databases}.
 * It prints {@code PostgreSQL ready on <address>:<port>} once every database exists, then runs
 * until the process is terminated; a shutdown hook stops PostgreSQL.
 */
public final class PostgresServer implements AutoCloseable {

  /** The superuser zonky's {@code initdb} creates, trusted on the loopback interface. */
  public static final String USER = "postgres";

  private static final String USAGE =
      "usage: PostgresServer --data-dir=DIR [--port=15432] [--bind-address=127.0.0.1]"
          + " [--databases=dossier,decision,benefits,reporting]";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Where and how the server runs. */
  public record Settings(Path dataDirectory, String bindAddress, int port, List<String> databases) {

    static final int DEFAULT_PORT = 15432;
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    static final List<String> DEFAULT_DATABASES =
        List.of("dossier", "decision", "benefits", "reporting");

    public Settings {
      if (dataDirectory == null) {
        throw new IllegalArgumentException("the data directory is required");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      databases = List.copyOf(databases);
      for (String database : databases) {
        if (!DATABASE_NAME.matcher(database).matches()) {
          throw new IllegalArgumentException("invalid database name: '" + database + "'");
        }
      }
    }

    /** Reads {@code --name=value} arguments, falling back on {@code passerelle.postgres.*}. */
    static Settings parse(String[] args, Properties systemProperties) {
      Map<String, String> values = new HashMap<>();
      systemProperties.stringPropertyNames().stream()
          .filter(name -> name.startsWith("passerelle.postgres."))
          .forEach(
              name ->
                  values.put(
                      name.substring("passerelle.postgres.".length()),
                      systemProperties.getProperty(name)));
      for (String arg : args) {
        int equals = arg.indexOf('=');
        if (!arg.startsWith("--") || equals < 0) {
          throw new IllegalArgumentException("unexpected argument: " + arg);
        }
        values.put(arg.substring(2, equals), arg.substring(equals + 1));
      }
      String dataDirectory = values.remove("data-dir");
      String bindAddress = values.remove("bind-address");
      String port = values.remove("port");
      String databases = values.remove("databases");
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("unknown setting(s): " + values.keySet());
      }
      return new Settings(
          dataDirectory == null ? null : Path.of(dataDirectory),
          bindAddress == null ? DEFAULT_BIND_ADDRESS : bindAddress,
          port == null ? DEFAULT_PORT : parsePort(port),
          databases == null ? DEFAULT_DATABASES : parseDatabases(databases));
    }

    private static int parsePort(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("port is not a number: '" + value + "'", e);
      }
    }

    private static List<String> parseDatabases(String value) {
      return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }

  /** The port is taken by another process: nothing was started. */
  public static final class PortInUseException extends IOException {
    PortInUseException(String bindAddress, int port) {
      super(
          "PostgreSQL cannot start: port "
              + port
              + " on "
              + bindAddress
              + " is already in use (choose another port)");
    }
  }

  private final EmbeddedPostgres postgres;
  private final Settings settings;

  private PostgresServer(EmbeddedPostgres postgres, Settings settings) {
    this.postgres = postgres;
    this.settings = settings;
  }

  /**
   * Starts PostgreSQL in {@code settings.dataDirectory()} ({@code initdb} only when the directory
   * holds no cluster yet) and creates the missing databases.
   *
   * @param output where PostgreSQL's own output goes
   */
  public static PostgresServer start(Settings settings, Redirect output) throws IOException {
    ensurePortFree(settings.bindAddress(), settings.port());
    ensureReusableDataDirectory(settings.dataDirectory());
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(settings.dataDirectory())
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(settings.port())
            .setServerConfig("listen_addresses", settings.bindAddress())
            .setServerConfig("unix_socket_directories", "")
            // Committed means durable: zonky starts the postmaster with -F (fsync off) and
            // synchronous_commit off, which suit throw-away test servers, not data kept across
            // restarts. A -c setting comes after -F on the command line and wins.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setPGStartupWait(STARTUP_WAIT)
            .setOutputRedirector(output)
            .setErrorRedirector(output)
            .start();
    PostgresServer server = new PostgresServer(postgres, settings);
    try {
      server.createMissingDatabases();
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw new IOException("could not create the databases: " + e.getMessage(), e);
    }
    return server;
  }

  /** A JDBC URL for one database of this server, as the services get it. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s"
        .formatted(settings.bindAddress(), settings.port(), database);
  }

  /** The operating-system process id of the postmaster, read from {@code postmaster.pid}. */
  public long postmasterPid() {
    try (Stream<String> lines = Files.lines(settings.dataDirectory().resolve("postmaster.pid"))) {
      return lines.findFirst().map(String::trim).map(Long::parseLong).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops PostgreSQL (fast shutdown); the data directory stays. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void createMissingDatabases() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      for (String database : settings.databases()) {
        exists.setString(1, database);
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next()) {
            // The name matched DATABASE_NAME, so quoting it as an identifier is safe.
            create.execute("CREATE DATABASE \"" + database + "\"");
          }
        }
      }
    }
  }

  private static void ensurePortFree(String bindAddress, int port) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
    } catch (BindException e) {
      throw new PortInUseException(bindAddress, port);
    }
  }

  /**
   * zonky runs {@code initdb} whenever {@code postgresql.conf} is absent; on a directory with other
   * content that would fail with a confusing message, so say what is wrong instead.
   */
  private static void ensureReusableDataDirectory(Path dataDirectory) throws IOException {
    if (!Files.isDirectory(dataDirectory)
        || Files.exists(dataDirectory.resolve("postgresql.conf"))) {
      return;
    }
    try (Stream<Path> entries = Files.list(dataDirectory)) {
      if (entries.findAny().isPresent()) {
        throw new IOException(
            dataDirectory
                + " is neither empty nor a PostgreSQL data directory: remove it or choose another");
      }
    }
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.parse(args, System.getProperties());
    } catch (IllegalArgumentException e) {
      System.err.println("PostgresServer: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }

    AtomicReference<PostgresServer> running = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  Optional.ofNullable(running.get()).ifPresent(PostgresServer::close);
                },
                "postgres-stop"));

    try {
      running.set(start(settings, Redirect.INHERIT));
    } catch (PortInUseException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    } catch (IOException | RuntimeException e) {
      System.err.println("PostgreSQL failed to start: " + describe(e));
      System.exit(1);
      return;
    }
    System.out.println("PostgreSQL ready on " + settings.bindAddress() + ":" + settings.port());
    System.out.flush();

    // Block until the postmaster exits: normally because the shutdown hook stopped it.
    ProcessHandle.of(running.get().postmasterPid())
        .ifPresent(postmaster -> postmaster.onExit().join());
    if (!stopping.get()) {
      System.err.println("PostgreSQL stopped unexpectedly");
      System.exit(1);
    }
  }

  private static String describe(Throwable failure) {
    StringBuilder description = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      description.append(" (caused by: ").append(cause.getMessage()).append(')');
    }
    return description.toString();
  }
}
