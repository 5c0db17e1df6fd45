package fr.passerelle.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server and a real Kafka broker for the tests of one JVM, started on first use
 * and shared by every test class until the JVM exits.
 *
 * <p>Where they come from, in this order:
 *
 * <ol>
 *   <li>external, when {@code PASSERELLE_TEST_POSTGRES_URL} (a base URL such as {@code
 *       jdbc:postgresql://db:5432}, with {@code PASSERELLE_TEST_POSTGRES_USER} and {@code
 *       PASSERELLE_TEST_POSTGRES_PASSWORD}) or {@code PASSERELLE_TEST_KAFKA_BOOTSTRAP_SERVERS} name
 *       them;
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>embedded otherwise: PostgreSQL binaries from Maven Central, Kafka in KRaft mode in-process.
 * </ol>
 *
 * {@code PASSERELLE_TEST_INFRASTRUCTURE=embedded|testcontainers} forces the choice of the last two.
 */
public final class TestInfrastructure {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static volatile TestInfrastructure instance;

  private final PostgresServer postgres;
  private final KafkaBroker kafka;

  private TestInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  /** The shared infrastructure, started on the first call. */
  public static TestInfrastructure get() {
    if (instance == null) {
      synchronized (TestInfrastructure.class) {
        if (instance == null) {
          instance = start();
        }
      }
    }
    return instance;
  }

  /** A JDBC URL of {@code database}, created on first use. */
  public String jdbcUrl(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a database name: " + database);
    }
    createDatabaseIfMissing(database);
    return postgres.baseUrl() + "/" + database;
  }

  public String username() {
    return postgres.username();
  }

  public String password() {
    return postgres.password();
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Where the infrastructure comes from, for the test log. */
  public String describe() {
    return "PostgreSQL " + postgres.describe() + ", Kafka " + kafka.describe();
  }

  private synchronized void createDatabaseIfMissing(String database) {
    try (Connection connection =
            DriverManager.getConnection(
                postgres.baseUrl() + "/postgres", postgres.username(), postgres.password());
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
      throw new IllegalStateException("Cannot create test database " + database, e);
    }
  }

  private static TestInfrastructure start() {
    String forced = System.getenv().getOrDefault("PASSERELLE_TEST_INFRASTRUCTURE", "");
    boolean containers =
        switch (forced.toLowerCase(Locale.ROOT)) {
          case "embedded" -> false;
          case "testcontainers" -> true;
          default -> Containers.dockerAvailable();
        };
    PostgresServer postgres =
        PostgresServer.external()
            .orElseGet(() -> containers ? Containers.postgres() : PostgresServer.embedded());
    KafkaBroker kafka =
        KafkaBroker.external()
            .orElseGet(() -> containers ? Containers.kafka() : KafkaBroker.embedded());
    return new TestInfrastructure(postgres, kafka);
  }
}
