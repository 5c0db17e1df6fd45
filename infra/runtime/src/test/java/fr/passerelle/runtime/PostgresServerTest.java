package fr.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.runtime.PostgresServer.PortInUseException;
import fr.passerelle.runtime.PostgresServer.Settings;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
    Settings settings = new Settings(dataDirectory(), "127.0.0.1", freePort(), DATABASES);

    try (PostgresServer server = start(settings)) {
      assertThat(databaseNames(server)).containsAll(DATABASES);
      execute(
          server,
          "dossier",
          "CREATE TABLE restart_marker (id integer)",
          "INSERT INTO restart_marker VALUES (42)");
    }

    try (PostgresServer server = start(settings)) {
      assertThat(databaseNames(server)).containsAll(DATABASES);
      assertThat(query(server, "dossier", "SELECT id FROM restart_marker")).containsExactly("42");
    }
  }

  @Test
  void commitsDurably() throws Exception {
    Settings settings = new Settings(dataDirectory(), "127.0.0.1", freePort(), DATABASES);

    try (PostgresServer server = start(settings)) {
      assertThat(query(server, "postgres", "SHOW fsync")).containsExactly("on");
      assertThat(query(server, "postgres", "SHOW synchronous_commit")).containsExactly("on");
      assertThat(query(server, "postgres", "SHOW full_page_writes")).containsExactly("on");
    }
  }

  @Test
  void refusesAPortAlreadyInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Settings settings =
          new Settings(dataDirectory(), "127.0.0.1", taken.getLocalPort(), DATABASES);

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
        Settings.parse(new String[] {"--data-dir=/from/argument"}, systemProperties);

    assertThat(settings)
        .isEqualTo(new Settings(Path.of("/from/argument"), "127.0.0.1", 25432, DATABASES));
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

  private Path dataDirectory() {
    return workDirectory.resolve("data");
  }

  private PostgresServer start(Settings settings) throws IOException {
    return PostgresServer.start(
        settings, Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()));
  }

  private static List<String> databaseNames(PostgresServer server) throws SQLException {
    return query(server, "postgres", "SELECT datname FROM pg_database");
  }

  private static void execute(PostgresServer server, String database, String... statements)
      throws SQLException {
    try (Connection connection = connect(server, database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> query(PostgresServer server, String database, String sql)
      throws SQLException {
    try (Connection connection = connect(server, database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static Connection connect(PostgresServer server, String database) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USER, "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
