package fr.passerelle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A PostgreSQL server the tests can create databases on. */
record PostgresServer(String baseUrl, String username, String password, String describe) {

  static Optional<PostgresServer> external() {
    String url = System.getenv("PASSERELLE_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new PostgresServer(
            url.replaceAll("/+$", ""),
            System.getenv().getOrDefault("PASSERELLE_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("PASSERELLE_TEST_POSTGRES_PASSWORD", ""),
            "external at " + url));
  }

  static PostgresServer embedded() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "200")
              // A throw-away server: durability buys nothing here and costs test time (the local
              // runtime's server, by contrast, runs with fsync on).
              .setServerConfig("fsync", "off")
              // As in production (zonky's default is off): a test can tell a transaction that
              // commits without waiting for the disk from one that waits.
              .setServerConfig("synchronous_commit", "on")
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return new PostgresServer(
          "jdbc:postgresql://localhost:" + postgres.getPort(),
          "postgres",
          "",
          "embedded on port " + postgres.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
