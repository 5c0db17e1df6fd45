package fr.passerelle.databasedump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatabaseDump} against a server that signs in with scram-sha-256 only, as the platform's
 * does: the dump is {@code pg_dump}'s own, holds every row and large object while they exist and
 * none once they are gone, and a refusal by the server reaches the test in {@code pg_dump}'s words.
 */
class DatabaseDumpIT {

  private static final String SUPERUSER_PASSWORD = "dump-" + UUID.randomUUID();

  @TempDir static Path directory;
  private static EmbeddedPostgres server;
  private static String url;

  @BeforeAll
  static void startServer() throws IOException, SQLException {
    Path passwordFile = Files.writeString(directory.resolve("superuser"), SUPERUSER_PASSWORD);
    server =
        EmbeddedPostgres.builder()
            .setServerConfig("password_encryption", "scram-sha-256")
            .setConnectConfig("password", SUPERUSER_PASSWORD)
            // zonky runs initdb with "-A trust" and appends these: the later --auth wins.
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString())
            .start();
    try (Connection connection = superuser("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE records");
    }
    url = "jdbc:postgresql://localhost:" + server.getPort() + "/records";
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Test
  void theServerAdmitsNoOneWithoutTheirPassword() {
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not-the-password"))
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void aDumpHoldsTheRowsAndLargeObjectsThatExistAndNoneThatAreGone() throws SQLException {
    long largeObject;
    try (Connection connection = superuser("records");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE person (id text PRIMARY KEY, name text, born date)");
      statement.execute("INSERT INTO person VALUES ('p-1', 'Quilla Zyxbrandt', '1987-02-19')");
      statement.execute("CREATE TABLE event (id int, payload bytea)");
      statement.execute(
          "INSERT INTO event VALUES (1, convert_to('{\"contact\":\"Mme Quorvath\"}', 'UTF8'))");
      try (var created =
          statement.executeQuery(
              "SELECT lo_from_bytea(0, convert_to('lettre de Mme Vornhalt', 'UTF8'))")) {
        created.next();
        largeObject = created.getLong(1);
      }
    }

    String before = DatabaseDump.of(url, "postgres", SUPERUSER_PASSWORD);
    assertThat(before)
        .contains("-- Dumped by pg_dump version")
        .contains(
            "COPY public.person (id, name, born) FROM stdin;\np-1\tQuilla Zyxbrandt\t1987-02-19\n\\.\n")
        .contains("-- large object " + largeObject + ", as text\nlettre de Mme Vornhalt\n")
        .contains("{\"contact\":\"Mme Quorvath\"}");

    try (Connection connection = superuser("records");
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM person");
      statement.execute("DELETE FROM event");
      statement.execute("SELECT lo_unlink(" + largeObject + ")");
    }
    String after = DatabaseDump.of(url, "postgres", SUPERUSER_PASSWORD);
    assertThat(after)
        .contains("COPY public.person (id, name, born) FROM stdin;\n\\.\n")
        .doesNotContain("Zyxbrandt")
        .doesNotContain("Vornhalt")
        .doesNotContain("Quorvath");
  }

  @Test
  void aRefusalReachesTheTestInPgDumpsWords() throws SQLException {
    try (Connection connection = superuser("records");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS secret (id text)");
      statement.execute("CREATE ROLE outsider LOGIN PASSWORD 'outsider-password'");
    }

    assertThatThrownBy(() -> DatabaseDump.of(url, "outsider", "outsider-password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pg_dump of " + url + " failed")
        .hasMessageContaining("permission denied for table secret")
        .hasMessageNotContaining("outsider-password");
  }

  private static Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server.getPort() + "/" + database,
        "postgres",
        SUPERUSER_PASSWORD);
  }
}
