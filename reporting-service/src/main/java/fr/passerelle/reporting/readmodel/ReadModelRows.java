package fr.passerelle.reporting.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds the projections' rows to the read models, all those of a transaction written when it
 * commits: one JDBC batch per statement (rewritten by the driver into multi-row inserts) instead of
 * one round trip per event. The event bus applies the events of a poll, up to 500, in one
 * transaction; a rebuild reads every record of the topics. Outside a transaction a row is written
 * at once.
 *
 * <p>For rows nothing reads back before the commit, added by statements whose order against each
 * other does not matter: every projection adds rows keyed by their facts with {@code INSERT ... ON
 * CONFLICT DO NOTHING}, so only the order of one statement's rows counts, and it is kept. A failed
 * row fails the commit, and the transaction rolls back as a failed statement would have (the event
 * bus then applies the batch's events one by one, each in its own transaction).
 */
@Component
public class ReadModelRows {

  private final JdbcTemplate jdbc;

  ReadModelRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a row with {@code insert}, at the commit of the current transaction if there is one. */
  public void insert(String insert, Object... values) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      jdbc.update(insert, values);
      return;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.add(insert, values);
  }

  /** The rows of one transaction, by statement in the order each was first used. */
  private final class Pending implements TransactionSynchronization {

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    void add(String insert, Object[] values) {
      rows.computeIfAbsent(insert, sql -> new ArrayList<>()).add(values);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      rows.forEach(jdbc::batchUpdate);
      rows.clear();
    }

    /** A transaction started inside this one (REQUIRES_NEW) keeps its own rows. */
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(ReadModelRows.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(ReadModelRows.this, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(ReadModelRows.this);
    }
  }
}
