package fr.passerelle.fuzz;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.audit.events.HistorySealed;
import fr.passerelle.localplatform.LocalPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform holds, counted: the rows of every table of every service's database (event
 * stores by event type), read as each database's owner. Two snapshots are equal when no request
 * wrote anything in between.
 *
 * <p>Left out, because a refused request rightly writes them: the access log (refused attempts on
 * personal data are recorded, by design), its {@code AccessRecorded} events, and their entries in
 * reporting's audit ledger; and what only moves with time: the tracking tokens, the scheduler's
 * table, and what the persistent scheduler writes whatever the requests: the ledger's daily seals
 * (the {@code audit_seal} row and the {@code HistorySealed} it puts in reporting's outbox), the
 * retention sweep's daily run, and the months' payment runs it opens on the paying body's to-do
 * list.
 */
final class PlatformState implements AutoCloseable {

  private static final List<String> DATABASES =
      List.of("dossier", "decision", "benefits", "reporting");

  private final Map<String, Connection> connections = new TreeMap<>();

  PlatformState(LocalPlatform platform) {
    for (String database : DATABASES) {
      String owner = database + "_owner";
      try {
        connections.put(
            database,
            DriverManager.getConnection(
                platform.jdbcUrl(database), owner, platform.postgresPassword(owner)));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the database " + database, e);
      }
    }
  }

  /** Table (or event type) to row count, for every database. */
  Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    try {
      for (var entry : connections.entrySet()) {
        String database = entry.getKey();
        Connection connection = entry.getValue();
        for (String table : tables(connection)) {
          try (Statement statement = connection.createStatement()) {
            String byType = typeColumn(table);
            if (byType != null) {
              try (ResultSet rows =
                  statement.executeQuery(
                      "select %s, count(*) from %s group by %s".formatted(byType, table, byType))) {
                while (rows.next()) {
                  String type = rows.getString(1);
                  if (countsType(type)) {
                    counts.put(database + ":" + table + ":" + type, rows.getLong(2));
                  }
                }
              }
            } else {
              try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                counts.put(database + ":" + table, rows.getLong(1));
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the platform's rows", e);
    }
    return counts;
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select table_schema, table_name from information_schema.tables"
                    + " where table_type = 'BASE TABLE'"
                    + " and table_schema not in ('pg_catalog', 'information_schema')")) {
      while (rows.next()) {
        String name = rows.getString(2);
        if (countsTable(name)) {
          tables.add("\"" + rows.getString(1) + "\".\"" + name + "\"");
        }
      }
    }
    return tables.stream().map(t -> t.replace("\"", "")).toList();
  }

  /** Whether the rows of the table {@code name} are counted. */
  static boolean countsTable(String name) {
    return !(name.contains("access")
        || name.equals("token_entry")
        || name.equals("eventbus_inbox")
        || name.equals("scheduled_tasks")
        || name.equals("audit_seal")
        || name.equals("retention_sweep_run")
        || name.endsWith("schema_history"));
  }

  /**
   * The column by which the rows of {@code table} ({@code schema.name}) are counted, so that the
   * kinds left out can be told apart; {@code null} when they are counted as a whole.
   */
  static String typeColumn(String table) {
    if (table.endsWith(".domain_event_entry")) {
      return "payload_type";
    }
    if (table.endsWith(".audit_event") || table.endsWith(".reporting_outbox")) {
      return "event_type";
    }
    if (table.endsWith(".rights_todo")) {
      return "kind";
    }
    return null;
  }

  /** Whether the events, outbox rows or to-do items of this type are counted. */
  static boolean countsType(String type) {
    return !(type.contains("AccessRecorded")
        || type.equals(AccessRecorded.TYPE)
        || type.equals(HistorySealed.TYPE)
        || type.equals("PAYMENT_RUN_DUE"));
  }

  /** The entries of {@code after} that differ from {@code before}. */
  static Map<String, String> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, String> changes = new TreeMap<>();
    for (String key : after.keySet()) {
      if (!after.get(key).equals(before.get(key))) {
        changes.put(key, before.getOrDefault(key, 0L) + " -> " + after.get(key));
      }
    }
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        changes.put(key, before.get(key) + " -> none");
      }
    }
    return changes;
  }

  @Override
  public void close() {
    for (Connection connection : connections.values()) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing at the end of the run: nothing to recover
      }
    }
  }
}
