package fr.passerelle.reporting.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A PostgreSQL session-level advisory lock held on a connection of its own, so that instances of
 * reporting-service sharing one database take turns. It is released when closed, or by PostgreSQL
 * itself when the holder's connection ends: a crashed holder releases it.
 *
 * <p>Keys are pairs of integers: {@link #NAMESPACE} (the read models) and one number per purpose.
 */
final class AdvisoryLock implements AutoCloseable {

  /** The read models' keys: "RDMD". */
  static final int NAMESPACE = 0x52444d44;

  /** Start-up: creating the registry, the first generation, migrating generations. */
  static final int START_UP = 1;

  /** Running a rebuild: held by the instance that runs it, for as long as it runs. */
  static final int REBUILD = 2;

  private final Connection connection;
  private final int key;

  private AdvisoryLock(Connection connection, int key) {
    this.connection = connection;
    this.key = key;
  }

  /** Waits for the lock {@code key} and holds it until closed. */
  static AdvisoryLock session(DataSource dataSource, int key) {
    return take(dataSource, key, "SELECT true FROM pg_advisory_lock(?, ?)").orElseThrow();
  }

  /** The lock {@code key}, held until closed, if no other session holds it. */
  static Optional<AdvisoryLock> trySession(DataSource dataSource, int key) {
    return take(dataSource, key, "SELECT pg_try_advisory_lock(?, ?)");
  }

  /** Whether some session of this database holds the lock {@code key}. */
  static boolean isHeld(org.springframework.jdbc.core.JdbcTemplate jdbc, int key) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            """
            SELECT EXISTS (
              SELECT 1 FROM pg_locks
              WHERE locktype = 'advisory' AND granted AND classid = ? AND objid = ? AND objsubid = 2
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
            """,
            Boolean.class,
            NAMESPACE,
            key));
  }

  /** Whether the connection holding the lock is still alive (if not, the lock is gone). */
  boolean held() {
    try {
      return connection.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    boolean released = false;
    try (var statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      statement.setInt(1, NAMESPACE);
      statement.setInt(2, key);
      try (var result = statement.executeQuery()) {
        released = result.next() && result.getBoolean(1);
      }
    } catch (SQLException e) {
      // see below
    } finally {
      if (!released) {
        // a pooled connection outlives close(): end its session, so that the lock goes with it
        abort(connection);
      }
      closeQuietly(connection);
    }
  }

  private static Optional<AdvisoryLock> take(DataSource dataSource, int key, String sql) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      try (var statement = connection.prepareStatement(sql)) {
        statement.setInt(1, NAMESPACE);
        statement.setInt(2, key);
        try (var result = statement.executeQuery()) {
          if (result.next() && result.getBoolean(1)) {
            return Optional.of(new AdvisoryLock(connection, key));
          }
        }
      }
      closeQuietly(connection);
      return Optional.empty();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DataAccessResourceFailureException("Cannot take advisory lock " + key, e);
    }
  }

  private static void abort(Connection connection) {
    try {
      connection.abort(Runnable::run);
    } catch (SQLException ignored) {
      // already gone
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }
}
