package fr.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Plain JDBC against a {@link PostgresServer}, as one of its roles. */
final class Sql {

  /** PostgreSQL's SQLSTATE for a privilege the role lacks. */
  static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** PostgreSQL's SQLSTATE for a wrong password. */
  static final String INVALID_PASSWORD = "28P01";

  /** A role and its password. */
  record Login(String role, String password) {

    /** The role's password as the server generated and kept it. */
    static Login of(String role, Path secretsDirectory) throws IOException {
      return new Login(role, new Secrets(secretsDirectory).read(role).orElseThrow());
    }
  }

  private Sql() {}

  static Connection connect(PostgresServer server, String database, Login login)
      throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(database), login.role(), login.password());
  }

  static void execute(PostgresServer server, String database, Login login, String... statements)
      throws SQLException {
    try (Connection connection = connect(server, database, login);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static List<String> query(PostgresServer server, String database, Login login, String sql)
      throws SQLException {
    try (Connection connection = connect(server, database, login);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  /** {@code call} is refused for want of a privilege, with {@code message}. */
  static void assertRefused(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo(INSUFFICIENT_PRIVILEGE);
  }
}
