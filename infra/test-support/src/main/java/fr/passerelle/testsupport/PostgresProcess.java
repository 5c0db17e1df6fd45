package fr.passerelle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own (real binaries, as {@link TestInfrastructure}'s embedded one) that
 * a test can stop and start again on the same port and data: for proving what happens while the
 * database is down. Unlike the shared server, it is never external nor a container, since the test
 * must control it.
 */
public final class PostgresProcess implements AutoCloseable {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final Path directory;
  private final int port;
  private final boolean durable;
  private EmbeddedPostgres server;

  private PostgresProcess(Path directory, int port, boolean durable) {
    this.directory = directory;
    this.port = port;
    this.durable = durable;
  }

  /**
   * Initialises a new server under a temporary directory and starts it, with commits that do not
   * wait for the disk (fast, for tests).
   */
  public static PostgresProcess start() {
    return start(false);
  }

  /**
   * A server whose commits are durable (fsync and synchronous commit on), as in production: for
   * benchmarks, whose figures would otherwise flatter every design that commits often.
   */
  public static PostgresProcess durable() {
    return start(true);
  }

  private static PostgresProcess start(boolean durable) {
    try {
      var postgres =
          new PostgresProcess(
              Files.createTempDirectory("passerelle-postgres-"), freePort(), durable);
      postgres.startServer();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JDBC URL of {@code database}, created on first use (the server must be running). */
  public String jdbcUrl(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a database name: " + database);
    }
    try (var connection = DriverManager.getConnection(baseUrl() + "/postgres", username(), "");
        var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (var rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (var create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + database);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database, e);
    }
    return baseUrl() + "/" + database;
  }

  public String username() {
    return "postgres";
  }

  public String password() {
    return "";
  }

  /** Stops the server (fast shutdown: open connections are terminated) and waits until it is. */
  public void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = null;
  }

  /** Starts the server again on the same port and data. */
  public void restart() {
    stop();
    startServer();
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String baseUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port;
  }

  private void startServer() {
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.resolve("data"))
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "100")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .start();
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }
}
