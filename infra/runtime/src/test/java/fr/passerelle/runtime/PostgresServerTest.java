package fr.passerelle.runtime;

import static fr.passerelle.runtime.Sql.assertRefused;
import static fr.passerelle.runtime.Sql.connect;
import static fr.passerelle.runtime.Sql.execute;
import static fr.passerelle.runtime.Sql.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.runtime.PostgresServer.PortInUseException;
import fr.passerelle.runtime.PostgresServer.Settings;
import fr.passerelle.runtime.Sql.Login;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

  private static final List<String> DATABASES =
      List.of("dossier", "decision", "benefits", "reporting");

  @TempDir Path workDirectory;

  @Test
  void createsTheDatabasesAndKeepsTheDataAcrossARestart() throws Exception {
    Settings settings = settings(freePort());

    try (PostgresServer server = start(settings)) {
      assertThat(databaseNames(server)).containsAll(DATABASES);
      execute(
          server,
          "dossier",
          owner("dossier"),
          "CREATE TABLE restart_marker (id integer)",
          "INSERT INTO restart_marker VALUES (42)");
    }

    try (PostgresServer server = start(settings)) {
      assertThat(databaseNames(server)).containsAll(DATABASES);
      assertThat(query(server, "dossier", application("dossier"), "SELECT id FROM restart_marker"))
          .containsExactly("42");
    }
  }

  @Test
  void upgradesADataDirectoryThatTrustedEveryConnection() throws Exception {
    int port = freePort();
    try (EmbeddedPostgres trusting =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory())
            .setCleanDataDirectory(false)
            .setPort(port)
            .setOutputRedirector(Redirect.DISCARD)
            .setErrorRedirector(Redirect.DISCARD)
            .start()) {
      try (Connection server = trusting.getPostgresDatabase().getConnection();
          Statement statement = server.createStatement()) {
        statement.execute("CREATE DATABASE reporting");
      }
      try (Connection reporting =
              trusting.getDatabase(PostgresServer.SUPERUSER, "reporting").getConnection();
          Statement statement = reporting.createStatement()) {
        statement.execute("CREATE TABLE read_model_generation (generation integer)");
        statement.execute("INSERT INTO read_model_generation VALUES (1)");
        statement.execute("CREATE SCHEMA readmodel_g1");
        statement.execute("CREATE TABLE readmodel_g1.review (id bigserial, total integer)");
        statement.execute("CREATE SEQUENCE readmodel_g1.standalone");
      }
    }

    try (PostgresServer server = start(settings(port))) {
      assertThatThrownBy(() -> connect(server, "reporting", new Login("postgres", "")))
          .isInstanceOf(SQLException.class);
      Login application = application("reporting");
      execute(
          server,
          "reporting",
          application,
          "INSERT INTO read_model_generation VALUES (2)",
          "INSERT INTO readmodel_g1.review (total) VALUES (3)",
          "SELECT nextval('readmodel_g1.standalone')");
      assertThat(
              query(
                  server,
                  "reporting",
                  application,
                  "SELECT generation FROM read_model_generation ORDER BY 1"))
          .containsExactly("1", "2");
      assertThat(
              query(
                  server,
                  "reporting",
                  superuser(),
                  """
                  SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname IN ('public', 'readmodel_g1')
                  UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace
                  WHERE nspname IN ('public', 'readmodel_g1')"""))
          .containsExactly("reporting_owner");
      assertRefused(
          () -> execute(server, "reporting", application, "DROP TABLE read_model_generation"),
          "must be owner");
    }
    assertThat(PostgresServer.Cluster.of(dataDirectory()))
        .isEqualTo(PostgresServer.Cluster.SECURED);
  }

  @Test
  void refusesASecuredDataDirectoryWhoseSuperuserPasswordIsGone() throws Exception {
    Settings settings = settings(freePort());
    try (PostgresServer ignored = start(settings)) {
      // made and secured
    }
    Files.delete(secretsDirectory().resolve("postgres"));

    assertThatThrownBy(() -> start(settings))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(secretsDirectory().resolve("postgres").toString())
        .hasMessageContaining("restore that file, or remove the data directory");
  }

  @Test
  void refusesAPortAlreadyInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Settings settings = settings(taken.getLocalPort());

      assertThatThrownBy(() -> start(settings))
          .isInstanceOf(PortInUseException.class)
          .hasMessage(
              "PostgreSQL cannot start: port %d on 127.0.0.1 is already in use (choose another port)",
              taken.getLocalPort());
    }
  }

  @Test
  void readsArgumentsOverSystemPropertiesAndDefaultsTheRest() {
    Properties systemProperties = new Properties();
    systemProperties.setProperty("passerelle.postgres.data-dir", "/from/property");
    systemProperties.setProperty("passerelle.postgres.port", "25432");

    Settings settings =
        Settings.parse(new String[] {"--data-dir=/run/from/argument"}, systemProperties);

    assertThat(settings)
        .isEqualTo(
            new Settings(
                Path.of("/run/from/argument"),
                Path.of("/run/from/secrets/postgres"),
                "127.0.0.1",
                25432,
                DATABASES));
  }

  @Test
  void rejectsADatabaseNameThatIsNotAPlainIdentifier() {
    assertThatThrownBy(
            () ->
                Settings.parse(
                    new String[] {"--data-dir=/d", "--databases=dossier,bad\"name"},
                    new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad\"name");
  }

  private Login superuser() throws IOException {
    return Login.of(PostgresServer.SUPERUSER, secretsDirectory());
  }

  private Login owner(String database) throws IOException {
    return Login.of(PostgresServer.ownerOf(database), secretsDirectory());
  }

  private Login application(String database) throws IOException {
    return Login.of(PostgresServer.applicationRoleOf(database), secretsDirectory());
  }

  private Path dataDirectory() {
    return workDirectory.resolve("data");
  }

  private Path secretsDirectory() {
    return workDirectory.resolve("secrets").resolve("postgres");
  }

  private Settings settings(int port) {
    return new Settings(dataDirectory(), secretsDirectory(), "127.0.0.1", port, DATABASES);
  }

  private PostgresServer start(Settings settings) throws IOException {
    return PostgresServer.start(
        settings, Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()));
  }

  private List<String> databaseNames(PostgresServer server) throws SQLException, IOException {
    return query(server, "postgres", superuser(), "SELECT datname FROM pg_database");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
