package fr.passerelle.reporting.readmodel;

import fr.passerelle.reporting.transaction.AtCommit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
  private final AtCommit<Row> rows = new AtCommit<>(this::write);

  ReadModelRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a row with {@code insert}, at the commit of the current transaction if there is one. */
  public void insert(String insert, Object... values) {
    rows.add(new Row(insert, values));
  }

  /** Writes {@code rows}, one batch per statement in the order each was first used. */
  private void write(List<Row> rows) {
    Map<String, List<Object[]>> byStatement = new LinkedHashMap<>();
    rows.forEach(
        row ->
            byStatement.computeIfAbsent(row.insert(), sql -> new ArrayList<>()).add(row.values()));
    byStatement.forEach(jdbc::batchUpdate);
  }

  private record Row(String insert, Object[] values) {}
}
