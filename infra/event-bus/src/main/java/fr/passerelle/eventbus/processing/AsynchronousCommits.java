package fr.passerelle.eventbus.processing;

import fr.passerelle.eventbus.AsynchronousCommit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of an event processor that a database crash losing its last transactions leaves
 * correct: each commits {@linkplain AsynchronousCommit asynchronously}. The outbox's (ADR 61),
 * whose token going back means events sent again under the ids the consumers deduplicate on.
 */
public final class AsynchronousCommits implements TransactionManager {

  private final TransactionManager transactions;
  private final JdbcTemplate jdbc;

  /**
   * @param transactions the service's transactions (Spring's, in which {@code jdbc} takes part)
   */
  public AsynchronousCommits(TransactionManager transactions, JdbcTemplate jdbc) {
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  @Override
  public Transaction startTransaction() {
    Transaction transaction = transactions.startTransaction();
    try {
      AsynchronousCommit.forThisTransaction(jdbc);
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }
    return transaction;
  }
}
