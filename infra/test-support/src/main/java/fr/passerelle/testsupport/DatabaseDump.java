package fr.passerelle.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * What {@code pg_dump} writes of a database's data, made over JDBC: every table of every schema but
 * PostgreSQL's own, each as the {@code COPY ... FROM stdin} block {@code pg_dump} writes (it reads
 * them with the same {@code COPY ... TO STDOUT}), and every large object. A test searches it for
 * what must not be readable by someone holding a backup.
 *
 * <p>Why not {@code pg_dump} itself: the embedded PostgreSQL bundle carries only {@code initdb},
 * {@code pg_ctl} and {@code postgres} (its maintainers keep the client tools out), and a {@code
 * pg_dump} older than the server refuses to dump it; the data this makes is the same as the data
 * section of a plain-format dump.
 */
public final class DatabaseDump {

  private DatabaseDump() {}

  /** The dump of the database at {@code jdbcUrl}, read as {@code user} (its owner or more). */
  public static String of(String jdbcUrl, String user, String password) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
      connection.setReadOnly(true);
      StringWriter dump = new StringWriter();
      for (String table : tables(connection)) {
        List<String> columns = columns(connection, table);
        dump.append("COPY ")
            .append(table)
            .append(" (")
            .append(String.join(", ", columns))
            .append(") FROM stdin;\n");
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY " + table + " TO STDOUT", dump);
        dump.append("\\.\n\n");
      }
      largeObjects(connection, dump);
      return dump.toString();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot dump " + jdbcUrl, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%'
                ORDER BY 1""")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private static List<String> columns(Connection connection, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var statement =
        connection.prepareStatement(
            """
            SELECT quote_ident(attname) FROM pg_attribute
            WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped
            ORDER BY attnum""")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
    }
    return columns;
  }

  private static void largeObjects(Connection connection, StringWriter dump) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT oid, encode(lo_get(oid), 'escape') FROM pg_largeobject_metadata")) {
      while (rows.next()) {
        dump.append("-- large object ")
            .append(rows.getString(1))
            .append('\n')
            .append(rows.getString(2))
            .append('\n');
      }
    }
  }
}
