package fr.passerelle.eventbus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction whose commit does not wait for PostgreSQL to flush it to disk: it is read at once,
 * and written to disk by the WAL writer moments later (within three times {@code wal_writer_delay},
 * 200 ms by default) or by the next durable commit. A database crash may lose it, and only it: fit
 * for what is derived from something kept elsewhere and made again (ADR 60, ADR 61).
 */
public final class AsynchronousCommit {

  private static final String FOR_THIS_TRANSACTION =
      "SELECT set_config('synchronous_commit', 'off', true)";

  private AsynchronousCommit() {}

  /**
   * The Spring transaction {@code jdbc} takes part in commits asynchronously; outside a
   * transaction, nothing changes.
   */
  public static void forThisTransaction(JdbcTemplate jdbc) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      jdbc.query(FOR_THIS_TRANSACTION, rs -> {});
    }
  }
}
