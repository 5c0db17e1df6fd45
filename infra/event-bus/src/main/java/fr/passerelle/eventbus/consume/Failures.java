package fr.passerelle.eventbus.consume;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells an infrastructure failure (the database or the network failed the handler: it will work
 * again by itself) from a poison event (the handler failed on working infrastructure: it will fail
 * again until a fix). The first is retried without limit and never dead-lettered; the second is
 * retried a few times, then dead-lettered. See docs/adr/0017-consumer-failures.md.
 *
 * <p>When the failure carries a SQL state, the state decides, since it is the database's own
 * account of what happened: a deferred constraint that fails at commit is poison even though it
 * arrives as a transaction failure. Without one, the exception's kind decides.
 */
public final class Failures {

  /**
   * SQL state classes and codes of failures that are not the statement's fault (PostgreSQL appendix
   * A): connection exception (08), transaction rollback such as serialization failure or deadlock
   * (40), insufficient resources (53), operator intervention such as a shutdown or a statement
   * timeout (57), system error (58), lock not available (55P03), read-only transaction (25006: a
   * standby after a fail-over).
   */
  private static final Set<String> INFRASTRUCTURE_CLASSES = Set.of("08", "40", "53", "57", "58");

  private static final Set<String> INFRASTRUCTURE_STATES = Set.of("55P03", "25006");

  private Failures() {}

  /** Whether {@code failure} comes from the infrastructure rather than from the event itself. */
  public static boolean isInfrastructure(Throwable failure) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    boolean infrastructureKind = false;
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return isInfrastructureState(sql.getSQLState());
      }
      if (cause instanceof InterruptedException || cause instanceof InterruptedIOException) {
        return true; // the consumer is stopping: never dead-letter on the way out
      }
      infrastructureKind |= isInfrastructureKind(cause);
    }
    return infrastructureKind;
  }

  static boolean isInfrastructureState(String sqlState) {
    return INFRASTRUCTURE_STATES.contains(sqlState)
        || (sqlState.length() >= 2 && INFRASTRUCTURE_CLASSES.contains(sqlState.substring(0, 2)));
  }

  private static boolean isInfrastructureKind(Throwable cause) {
    return cause instanceof SQLTransientException
        || cause instanceof SQLRecoverableException
        || cause instanceof SQLNonTransientConnectionException
        || cause instanceof TransientDataAccessException
        || cause instanceof RecoverableDataAccessException
        || cause instanceof DataAccessResourceFailureException
        || cause instanceof CannotCreateTransactionException
        || cause instanceof TransactionSystemException
        || cause instanceof TransactionTimedOutException
        || cause instanceof ConnectException
        || cause instanceof NoRouteToHostException
        || cause instanceof UnknownHostException
        || cause instanceof SocketTimeoutException
        || cause instanceof SocketException;
  }
}
