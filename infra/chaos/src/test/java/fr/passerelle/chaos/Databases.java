package fr.passerelle.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The services' databases, each read as its owner, for the history checkers. */
final class Databases implements AutoCloseable {

  /** Every service's database. */
  static final List<String> ALL = List.of("dossier", "decision", "benefits", "reporting");

  /** The databases whose event stores feed an outbox. */
  static final List<String> EVENT_STORES = List.of("dossier", "decision", "benefits");

  private final Map<String, Connection> connections = new LinkedHashMap<>();

  Databases(Platform platform) {
    for (String database : ALL) {
      String owner = database + "_owner";
      Properties login = new Properties();
      login.setProperty("user", owner);
      login.setProperty("password", platform.postgresPassword(owner));
      // The driver waits forever by default: for the server to accept, to sign in, to answer. A
      // check that cannot get an answer must say so and let its caller look again.
      login.setProperty("connectTimeout", "10");
      login.setProperty("loginTimeout", "10");
      login.setProperty("socketTimeout", "60");
      try {
        connections.put(database, DriverManager.getConnection(platform.jdbcUrl(database), login));
      } catch (SQLException e) {
        close();
        throw new IllegalStateException("cannot read " + database, e);
      }
    }
  }

  String text(String database, String sql) {
    try (Statement statement = connections.get(database).createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String database, String sql, String parameter) {
    try (PreparedStatement statement = connections.get(database).prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String database, String sql) {
    try (Statement statement = connections.get(database).createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many events of {@code type} (the payload class's simple name) {@code database} holds. */
  long events(String database, String type) {
    return count(
        database,
        "select count(*) from domain_event_entry where payload_type like '%." + type + "'");
  }

  /** The schema of reporting's read models now served. */
  String currentGeneration() {
    return text(
        "reporting",
        "select max(schema_name) from information_schema.schemata"
            + " where schema_name like 'readmodel_g%'");
  }

  /**
   * Where each event store ends, and the event processors (name and segment) whose token stands
   * before that end.
   */
  Stores stores() {
    StringBuilder ends = new StringBuilder();
    List<String> behind = new java.util.ArrayList<>();
    for (String database : EVENT_STORES) {
      long end = count(database, "select coalesce(max(global_index), 0) from domain_event_entry");
      try (Statement statement = connections.get(database).createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "select processor_name, segment, coalesce(substring(convert_from(token, 'UTF8')"
                      + " from '\"index\":([0-9]+)')::bigint, -1) from token_entry")) {
        while (rows.next()) {
          if (rows.getLong(3) < end) {
            behind.add(
                database
                    + " "
                    + rows.getString(1)
                    + "["
                    + rows.getInt(2)
                    + "] at "
                    + rows.getLong(3)
                    + " of "
                    + end);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      ends.append(database).append(' ').append(end).append(", ");
    }
    return new Stores(ends.toString(), behind);
  }

  /** Where the event stores end, and the processors behind their end. */
  record Stores(String ends, List<String> behind) {}

  @Override
  public void close() {
    for (Connection connection : connections.values()) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the check is over
      }
    }
  }
}
