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
 * acknowledgement waiting, has PostgreSQL flush its WAL up to now (one statement, {@value #FLUSH}),
 * which writes to disk every transaction committed before, then acknowledges them in the order they
 * came. A slow disk (a flush of 300 ms now and then, seen in benchmark runs, with every service's
 * commits waiting for it) delays the commit of offsets, not what the read models show.
 * Acknowledgements still waiting when the service stops are dropped: their records are read again,
 * and the inbox recognises them.
 */
public class DurableOffsets implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DurableOffsets.class);

  /**
   * Writes an empty, non-transactional message to the WAL and flushes the WAL up to it (PostgreSQL
   * 17). Any user may; it needs no table and no transaction id.
   */
  static final String FLUSH = "SELECT pg_logical_emit_message(false, 'passerelle', '', true)";

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
        flush();
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

  /** Flushes the WAL, trying again with backoff until the database answers. */
  private void flush() throws InterruptedException {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        jdbc.query(FLUSH, rs -> {});
        return;
      } catch (RuntimeException e) {
        log.warn(
            "Cannot flush the database's WAL to commit offsets; trying again in {}: {}",
            backoff,
            e.toString());
        Thread.sleep(backoff.toMillis());
        backoff = Duration.ofMillis(Math.min(backoff.toMillis() * 2, LAST_BACKOFF.toMillis()));
      }
    }
  }

  @Override
  public void destroy() {
    flusher.interrupt();
  }
}
