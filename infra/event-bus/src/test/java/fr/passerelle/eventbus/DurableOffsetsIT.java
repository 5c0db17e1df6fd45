package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.DurableOffsets;
import fr.passerelle.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read model's group commits its offsets only once what it applied is on disk: the
 * acknowledgement of a transaction committed asynchronously waits for the WAL's flush past it.
 */
class DurableOffsetsIT {

  private final DriverManagerDataSource dataSource = dataSource();
  private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  private final DurableOffsets offsets = new DurableOffsets(jdbc);

  @AfterEach
  void stop() {
    offsets.destroy();
  }

  @Test
  void anAcknowledgementRunsOnceWhatWasCommittedBeforeItIsOnDisk() throws Exception {
    jdbc.execute("CREATE TABLE IF NOT EXISTS read_model (n INTEGER)");
    new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .executeWithoutResult(
            status -> {
              jdbc.query("SELECT set_config('synchronous_commit', 'off', true)", rs -> {});
              jdbc.update("INSERT INTO read_model SELECT generate_series(1, 10000)");
            });
    // the commit's record lies before the WAL's end now; PostgreSQL has not waited to flush it
    String committed =
        jdbc.queryForObject("SELECT pg_current_wal_insert_lsn()::text", String.class);
    CompletableFuture<Boolean> onDisk = new CompletableFuture<>();

    offsets.afterFlush(
        () ->
            onDisk.complete(
                jdbc.queryForObject(
                    "SELECT pg_current_wal_flush_lsn() >= CAST(? AS pg_lsn)",
                    Boolean.class,
                    committed)));

    assertThat(onDisk.get(30, TimeUnit.SECONDS)).as("WAL flushed past the commit").isTrue();
  }

  @Test
  void acknowledgementsRunInTheOrderTheyCame() {
    List<Integer> acknowledged = new CopyOnWriteArrayList<>();

    IntStream.range(0, 200).forEach(n -> offsets.afterFlush(() -> acknowledged.add(n)));

    await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() == 200);
    assertThat(acknowledged).isEqualTo(IntStream.range(0, 200).boxed().toList());
  }

  private static DriverManagerDataSource dataSource() {
    var infrastructure = TestInfrastructure.get();
    return new DriverManagerDataSource(
        infrastructure.jdbcUrl("eventbus_durable_offsets"),
        infrastructure.username(),
        infrastructure.password());
  }
}
