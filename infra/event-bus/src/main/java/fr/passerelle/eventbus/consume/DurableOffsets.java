package fr.passerelle.eventbus.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Commits a consumer group's offsets once what it applied is on disk. The transactions of a {@link
 * EventConsumer.Builder#readModel read model} commit asynchronously: they are read at once, and
 * PostgreSQL's WAL writer writes them to disk moments later (within three times {@code
 * wal_writer_delay}, 200 ms by default). Were the group's offsets committed before that, a crash of
 * the database could lose transactions whose records the group would never read again.
 *
 * <p>One thread of the service waits for the disk for all its groups: it takes every
 * acknowledgement waiting, notes the WAL's insert position (past the commit of every transaction
 * committed before), waits until PostgreSQL has flushed its WAL that far, then acknowledges them in
 * the order they came. The flush is the WAL writer's, or any durable commit's, which write every
 * commit before theirs: waiting adds no flush of its own to the disk the commands wait for (ADR
 * 61). Only when the WAL is still not flushed that far after {@link #FORCE_AFTER} (a quiet database
 * whose last WAL record is not a commit) does it flush it ({@value #FLUSH}). A slow disk delays the
 * commit of offsets, not what the read models show. Acknowledgements still waiting when the service
 * stops are dropped: their records are read again, and the inbox recognises them.
 */
public class DurableOffsets implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DurableOffsets.class);

  /**
   * Writes an empty, non-transactional message to the WAL and flushes the WAL up to it (PostgreSQL
   * 17). Any user may; it needs no table and no transaction id.
   */
  static final String FLUSH = "SELECT pg_logical_emit_message(false, 'passerelle', '', true)";

  /** The WAL's insert position, and whether the WAL is already on disk that far: one round trip. */
  private static final String INSERT_POSITION =
      "SELECT CAST(position AS TEXT), pg_current_wal_flush_lsn() >= position"
          + " FROM (SELECT pg_current_wal_insert_lsn() AS position) AS wal";

  private static final String FLUSHED_PAST =
      "SELECT pg_current_wal_flush_lsn() >= CAST(? AS pg_lsn)";

  /** How often the flushed position is read while acknowledgements wait. */
  private static final Duration POLL = Duration.ofMillis(50);

  /** How long acknowledgements wait for a flush before this thread makes one. */
  private static final Duration FORCE_AFTER = Duration.ofSeconds(1);

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration LAST_BACKOFF = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final BlockingQueue<Runnable> waiting = new LinkedBlockingQueue<>();
  private final Thread flusher;

  public DurableOffsets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.flusher = new Thread(this::run, "eventbus-durable-offsets");
    flusher.setDaemon(true);
    flusher.start();
  }

  /**
   * Runs {@code acknowledge} once every transaction committed before this call is on disk, on the
   * flushing thread, after the acknowledgements given before it.
   */
  public void afterFlush(Runnable acknowledge) {
    waiting.add(acknowledge);
  }

  private void run() {
    List<Runnable> flushed = new ArrayList<>();
    try {
      while (true) {
        flushed.add(waiting.take());
        waiting.drainTo(flushed);
        awaitFlush();
        for (Runnable acknowledge : flushed) {
          try {
            acknowledge.run();
          } catch (RuntimeException e) {
            log.warn("An acknowledgement failed; its records will be read again: {}", e.toString());
          }
        }
        flushed.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Returns once the WAL is on disk past every transaction committed before this call: flushed by
   * PostgreSQL within {@link #FORCE_AFTER}, or by this thread after it. Tries again with backoff
   * until the database answers.
   */
  private void awaitFlush() throws InterruptedException {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        InsertPosition insert =
            jdbc.queryForObject(
                INSERT_POSITION,
                (rs, row) -> new InsertPosition(rs.getString(1), rs.getBoolean(2)));
        long force = System.nanoTime() + FORCE_AFTER.toNanos();
        boolean flushed = insert.flushed();
        while (!flushed) {
          if (System.nanoTime() - force > 0) {
            jdbc.query(FLUSH, rs -> {});
            return;
          }
          Thread.sleep(POLL.toMillis());
          flushed =
              Boolean.TRUE.equals(
                  jdbc.queryForObject(FLUSHED_PAST, Boolean.class, insert.position()));
        }
        return;
      } catch (RuntimeException e) {
        log.warn(
            "Cannot learn whether the database's WAL is on disk to commit offsets; trying again in {}: {}",
            backoff,
            e.toString());
        Thread.sleep(backoff.toMillis());
        backoff = Duration.ofMillis(Math.min(backoff.toMillis() * 2, LAST_BACKOFF.toMillis()));
      }
    }
  }

  /** Where the WAL's next record goes, and whether the WAL was already on disk up to it. */
  private record InsertPosition(String position, boolean flushed) {}

  @Override
  public void destroy() {
    flusher.interrupt();
  }
}
