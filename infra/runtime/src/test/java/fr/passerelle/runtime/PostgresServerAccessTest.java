package fr.passerelle.runtime;

import static fr.passerelle.runtime.Sql.assertRefused;
import static fr.passerelle.runtime.Sql.connect;
import static fr.passerelle.runtime.Sql.execute;
import static fr.passerelle.runtime.Sql.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.runtime.PostgresServer.Settings;
import fr.passerelle.runtime.Sql.Login;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what on the server the local runtime starts: one server for the whole class, each test
 * on tables of its own.
 */
class PostgresServerAccessTest {

  private static final List<String> DATABASES =
      List.of("dossier", "decision", "benefits", "reporting");

  @TempDir static Path workDirectory;
  private static PostgresServer server;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    server =
        PostgresServer.start(
            new Settings(workDirectory.resolve("data"), secrets(), "127.0.0.1", port, DATABASES),
            Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void commitsDurably() throws Exception {
    assertThat(query(server, "postgres", superuser(), "SHOW fsync")).containsExactly("on");
    assertThat(query(server, "postgres", superuser(), "SHOW synchronous_commit"))
        .containsExactly("on");
    assertThat(query(server, "postgres", superuser(), "SHOW full_page_writes"))
        .containsExactly("on");
  }

  @Test
  void refusesEveryConnectionWithoutItsPassword() {
    for (String role : List.of("postgres", "dossier_app", "dossier_owner")) {
      assertThatThrownBy(() -> connect(server, "dossier", new Login(role, "")))
          .as("%s without a password", role)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("The server requested SCRAM-based authentication");
      assertThatThrownBy(() -> connect(server, "dossier", new Login(role, "not-the-password")))
          .as("%s with a wrong password", role)
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo(Sql.INVALID_PASSWORD);
    }
  }

  @Test
  void keepsTheGeneratedPasswordsReadableByTheirOwnerOnly() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets())))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(secrets())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "postgres",
              "dossier_owner",
              "dossier_app",
              "decision_owner",
              "decision_app",
              "benefits_owner",
              "benefits_app",
              "reporting_owner",
              "reporting_app");
    }
    try (Stream<Path> files = Files.list(secrets())) {
      for (Path file : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as("%s", file)
            .isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).as("%s", file).hasSize(43);
      }
    }
  }

  @Test
  void keepsEachServiceInItsOwnDatabase() throws Exception {
    execute(
        server,
        "decision",
        owner("decision"),
        "CREATE TABLE pending_dossier (id integer)",
        "INSERT INTO pending_dossier VALUES (1)");

    for (String elsewhere : List.of("decision", "benefits", "reporting", "postgres", "template1")) {
      assertRefused(
          () -> connect(server, elsewhere, application("dossier")),
          "permission denied for database");
      assertRefused(
          () -> connect(server, elsewhere, owner("dossier")), "permission denied for database");
    }
    assertThat(query(server, "decision", application("decision"), "SELECT id FROM pending_dossier"))
        .containsExactly("1");
  }

  @Test
  void givesTheApplicationRoleRowsButNoSchemaChanges() throws Exception {
    execute(
        server,
        "dossier",
        owner("dossier"),
        "CREATE TABLE dossier (id bigserial PRIMARY KEY, status text)");

    execute(
        server,
        "dossier",
        application("dossier"),
        "INSERT INTO dossier (status) VALUES ('DRAFT'), ('DRAFT')",
        "UPDATE dossier SET status = 'SUBMITTED' WHERE id = 1",
        "DELETE FROM dossier WHERE id = 2");
    assertThat(query(server, "dossier", application("dossier"), "SELECT status FROM dossier"))
        .containsExactly("SUBMITTED");

    assertRefused(
        () -> execute(server, "dossier", application("dossier"), "CREATE TABLE intruder (id int)"),
        "permission denied for schema public");
    assertRefused(
        () -> execute(server, "dossier", application("dossier"), "CREATE SCHEMA intruder"),
        "permission denied for database dossier");
    assertRefused(
        () -> execute(server, "dossier", application("dossier"), "DROP TABLE dossier"),
        "must be owner of table dossier");
    assertRefused(
        () -> execute(server, "dossier", application("dossier"), "TRUNCATE dossier"),
        "permission denied for table dossier");
  }

  @Test
  void givesTheApplicationRoleTheTablesOfASchemaItsOwnerCreatesLater() throws Exception {
    execute(
        server,
        "reporting",
        owner("reporting"),
        "CREATE SCHEMA readmodel_g2",
        "CREATE TABLE readmodel_g2.review (id serial, total integer)",
        "GRANT USAGE ON SCHEMA readmodel_g2 TO reporting_app");

    execute(
        server,
        "reporting",
        application("reporting"),
        "INSERT INTO readmodel_g2.review (total) VALUES (7)");
    assertThat(
            query(
                server,
                "reporting",
                application("reporting"),
                "SELECT total FROM readmodel_g2.review"))
        .containsExactly("7");
  }

  private static Path secrets() {
    return workDirectory.resolve("secrets").resolve("postgres");
  }

  private static Login superuser() throws IOException {
    return Login.of(PostgresServer.SUPERUSER, secrets());
  }

  private static Login owner(String database) throws IOException {
    return Login.of(PostgresServer.ownerOf(database), secrets());
  }

  private static Login application(String database) throws IOException {
    return Login.of(PostgresServer.applicationRoleOf(database), secrets());
  }
}
