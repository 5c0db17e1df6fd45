package fr.passerelle.acceptance;

import fr.passerelle.databasedump.DatabaseDump;
import fr.passerelle.localplatform.LocalPlatform;
import fr.passerelle.runtime.KafkaAccess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole platform ({@link LocalPlatform}) on the default ports shifted by 10000, and by {@code
 * PASSERELLE_TEST_PORT_OFFSET} more when set, so that two checkouts can run their acceptance tests
 * side by side; with what the acceptance tests read beside the gateway: the topics, as an operator,
 * and each database as a backup holds it.
 */
final class Platform extends LocalPlatform {

  private Platform() {
    super(10000);
  }

  /** The platform the build describes (see {@link LocalPlatform#LocalPlatform(int)}). */
  static Platform fromSystemProperties() {
    return new Platform();
  }

  /**
   * Settings of a Kafka client that signs in to the platform's broker as its super user, which
   * reads every topic: an operator's view, since no service may read them all under its own name
   * with a group of its own choosing.
   */
  Map<String, Object> kafkaOperator() {
    return KafkaAccess.brokerClient("127.0.0.1:" + ports().kafka(), secret("kafka", "broker"));
  }

  /**
   * The data of database {@code database} of the platform's PostgreSQL as a backup holds it (every
   * table, read as the cluster's superuser, whose password {@code passerelle up} keeps in the run
   * directory's secrets).
   */
  String dump(String database) {
    return DatabaseDump.of(jdbcUrl(database), "postgres", postgresPassword("postgres"));
  }

  /**
   * The first row {@code query} selects in database {@code database}, column by column, read as the
   * cluster's superuser: what someone with access to the server sees.
   */
  Map<String, Object> row(String database, String query, Object... parameters) {
    try (Connection connection = superuser(database);
        PreparedStatement statement = prepared(connection, query, parameters);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("No row for " + query);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
        row.put(rows.getMetaData().getColumnName(column), rows.getObject(column));
      }
      return row;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + database, e);
    }
  }

  /**
   * Runs {@code update} in database {@code database} as the cluster's superuser, behind the
   * services' backs, as someone tampering with the server would; the number of rows changed.
   */
  int update(String database, String update, Object... parameters) {
    try (Connection connection = superuser(database);
        PreparedStatement statement = prepared(connection, update, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot change " + database, e);
    }
  }

  private Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", postgresPassword("postgres"));
  }

  private static PreparedStatement prepared(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
