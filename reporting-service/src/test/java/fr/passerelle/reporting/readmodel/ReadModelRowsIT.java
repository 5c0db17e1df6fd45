package fr.passerelle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.testsupport.TestInfrastructure;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' rows of a transaction are written when it commits, in one batch per statement,
 * with the driver's multi-row rewriting on as in reporting-service; nothing of a transaction that
 * rolls back, and a row that cannot be written fails the whole transaction, as the statement would
 * have at once.
 */
class ReadModelRowsIT {

  private static final String ADD =
      "INSERT INTO rows_probe (id, label, required) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING";
  private static final String NOTE = "INSERT INTO rows_note (id) VALUES (?)";

  private JdbcTemplate jdbc;
  private TransactionTemplate transaction;
  private ReadModelRows rows;

  @BeforeEach
  void tables() throws Exception {
    var infrastructure = TestInfrastructure.get();
    var dataSource =
        new SimpleDriverDataSource(
            new org.postgresql.Driver(),
            infrastructure.jdbcUrl("reporting_rows") + "?reWriteBatchedInserts=true",
            infrastructure.username(),
            infrastructure.password());
    jdbc = new JdbcTemplate(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    rows = new ReadModelRows(jdbc);
    jdbc.execute("DROP TABLE IF EXISTS rows_probe, rows_note");
    jdbc.execute(
        "CREATE TABLE rows_probe (id INT PRIMARY KEY, label TEXT, required TEXT NOT NULL,"
            + " written BIGSERIAL)");
    jdbc.execute("CREATE TABLE rows_note (id INT PRIMARY KEY)");
  }

  @Test
  void theRowsOfATransactionAreWrittenWhenItCommitsInTheirOrder() {
    transaction.executeWithoutResult(
        status -> {
          for (int id = 1; id <= 600; id++) {
            rows.insert(ADD, id, "row " + id, "yes");
            rows.insert(NOTE, id);
          }
          rows.insert(ADD, 1, "again", "yes");
          assertThat(count("rows_probe")).as("before the commit").isZero();
        });

    assertThat(count("rows_probe")).isEqualTo(600);
    assertThat(count("rows_note")).isEqualTo(600);
    assertThat(jdbc.queryForList("SELECT label FROM rows_probe ORDER BY written", String.class))
        .startsWith("row 1", "row 2", "row 3")
        .endsWith("row 600")
        .doesNotContain("again");
  }

  @Test
  void aTransactionRolledBackWritesNothingAndTheNextOneOnlyItsOwn() {
    transaction.executeWithoutResult(
        status -> {
          rows.insert(ADD, 1, "rolled back", "yes");
          status.setRollbackOnly();
        });
    transaction.executeWithoutResult(status -> rows.insert(ADD, 2, "kept", "yes"));

    assertThat(jdbc.queryForList("SELECT label FROM rows_probe", String.class))
        .containsExactly("kept");
  }

  @Test
  void aRowThatCannotBeWrittenFailsTheWholeTransaction() {
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      jdbc.update(NOTE, 7);
                      rows.insert(ADD, 1, "fine", "yes");
                      rows.insert(ADD, 2, "broken", null);
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(count("rows_probe")).isZero();
    assertThat(count("rows_note")).as("the transaction's other writes").isZero();
    transaction.executeWithoutResult(status -> rows.insert(ADD, 3, "after", "yes"));
    assertThat(jdbc.queryForList("SELECT id FROM rows_probe", Integer.class)).isEqualTo(List.of(3));
  }

  @Test
  void aTransactionWithinAnotherWritesItsOwnRowsAtItsOwnCommit() {
    var inner = new TransactionTemplate(transaction.getTransactionManager());
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    transaction.executeWithoutResult(
        status -> {
          rows.insert(ADD, 1, "outer", "yes");
          inner.executeWithoutResult(nested -> rows.insert(ADD, 2, "inner", "yes"));
          assertThat(labelsSeenElsewhere()).containsExactly("inner");
          rows.insert(ADD, 3, "outer again", "yes");
        });

    assertThat(labelsSeenElsewhere()).containsExactly("inner", "outer", "outer again");
  }

  @Test
  void outsideATransactionARowIsWrittenAtOnce() {
    rows.insert(ADD, 1, "at once", "yes");

    assertThat(count("rows_probe")).isEqualTo(1);
  }

  /** The labels committed, read on a connection of its own, outside the test's transaction. */
  private List<String> labelsSeenElsewhere() {
    try (var connection = jdbc.getDataSource().getConnection();
        var query = connection.createStatement();
        var labels = query.executeQuery("SELECT label FROM rows_probe ORDER BY label")) {
      List<String> seen = new java.util.ArrayList<>();
      while (labels.next()) {
        seen.add(labels.getString(1));
      }
      return seen;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
  }
}
