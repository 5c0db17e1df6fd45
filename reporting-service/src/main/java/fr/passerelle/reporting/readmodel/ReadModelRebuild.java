package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.consume.EventConsumers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models from offset 0 into a new generation while the live ones keep serving,
 * then switches over: every consumer is subscribed again, in a group per topic of the new
 * generation, writing to its schema; once they have caught up, the live consumers of every instance
 * hold back (a lock in the database, see {@link GenerationGate}), the new generation catches the
 * last events and becomes the active one, and the live consumers carry on in it (its inbox skips
 * what the rebuild already applied). Readers never wait: they read the old generation until the
 * switch, the new one after it.
 *
 * <p>A generation whose consumers dead-lettered or parked events is not switched to: it would serve
 * figures without them. The rebuild waits, caught up and BLOCKED, until an operator has retried or
 * discarded its letters ({@code /admin/read-models/generations/{n}/dead-letters}), or drops it.
 *
 * <p>A rebuild's state is in the database ({@link RebuildRecords}), and the instance that runs it
 * holds a session advisory lock for as long as it does: a second rebuild cannot start anywhere, and
 * a rebuild whose instance stopped or died (its lock gone with its session) is seen as interrupted,
 * to be resumed (its consumer groups carry on from their offsets) or abandoned and dropped. The
 * consumer groups of a finished or dropped generation are deleted.
 */
public class ReadModelRebuild implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  private static final Duration SWITCH_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration GROUPS_PATIENCE = Duration.ofSeconds(30);

  /**
   * Threads per consumer group while rebuilding. A rebuild reads each topic in one group whose
   * polls go to every consumer of the topic in turn ({@link EventConsumers#subscribe}): three
   * groups, and with three threads each as many as the nine consumers had one each before, while
   * each record is fetched and parsed once instead of three to five times. {@code RebuildBenchmark}
   * (60,000 events): a thread per consumer, 15,373 and 15,756 events/s; a thread per topic, 14,724;
   * three, 17,401 and 19,349 (a topic has 6 partitions on the platform, 3 in the benchmark: a
   * thread reads one or two). Before, with a group per consumer, more than one thread per consumer
   * had cost more than it gave (each was a consumer of its own, with its connections and its share
   * of the pool).
   */
  private static final int REBUILD_THREADS = 3;

  /**
   * Where the latest rebuild stands: {@code BUILDING} (running), {@code BLOCKED} (caught up, but
   * its generation has dead letters: it does not switch over until an operator has retried or
   * discarded them), {@code INTERRUPTED} (its instance stopped: resume or drop it), {@code
   * SWITCHED} (its generation is active) or {@code ABANDONED}; {@code remaining} is the records its
   * consumers had still to read at the last check, {@code deadLetters} those of its generation.
   */
  public record Progress(
      int generation,
      String status,
      Long remaining,
      DeadLetters deadLetters,
      Instant startedAt,
      Instant checkedAt,
      Instant endedAt,
      String error) {}

  /** The dead letters of a generation: failed, and parked behind a failed one. */
  public record DeadLetters(int failed, int parked) {
    public boolean any() {
      return failed + parked > 0;
    }
  }

  /** Why a rebuild operation cannot be done now. */
  public enum Conflict {
    /** Another instance runs a rebuild. */
    RUNNING_ELSEWHERE,
    /** A generation is left BUILDING by an interrupted rebuild: resume or drop it first. */
    INTERRUPTED,
    /** The generation is the active one. */
    ACTIVE
  }

  /** A rebuild operation refused for a {@link Conflict}. */
  public static class RebuildConflictException extends RuntimeException {
    private final Conflict conflict;
    private final int generation;

    RebuildConflictException(Conflict conflict, int generation) {
      super(conflict + " (generation " + generation + ")");
      this.conflict = conflict;
      this.generation = generation;
    }

    public Conflict conflict() {
      return conflict;
    }

    public int generation() {
      return generation;
    }
  }

  /** The rebuild this instance runs: its generation, subscription, lock and progress check. */
  private record Running(
      ReadModelGenerations.Generation target,
      EventConsumers.Subscription subscription,
      AdvisoryLock lease,
      ScheduledFuture<?> check) {}

  private final ReadModelGenerations generations;
  private final SchemaSelector schemas;
  private final EventConsumers consumers;
  private final RebuildRecords records;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Duration checkEvery;
  private final ScheduledExecutorService checks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "read-model-rebuild"));

  private Running running;

  /** The end offsets at this instance's last progress check of its rebuild. */
  private Map<TopicPartition, Long> lastMark;

  public ReadModelRebuild(
      ReadModelGenerations generations,
      SchemaSelector schemas,
      EventConsumers consumers,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Duration checkEvery) {
    this.transaction = new TransactionTemplate(transactions);
    this.generations = generations;
    this.schemas = schemas;
    this.consumers = consumers;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.records = new RebuildRecords(jdbc);
    this.checkEvery = checkEvery;
  }

  /**
   * Starts a rebuild into a new generation, in this instance.
   *
   * @throws RebuildConflictException if a rebuild runs elsewhere, or one was interrupted
   */
  public synchronized Progress start() {
    AdvisoryLock lease = lease(0);
    try {
      Optional<ReadModelGenerations.Generation> interrupted =
          generations.all().stream().filter(g -> "BUILDING".equals(g.status())).findFirst();
      if (interrupted.isPresent()) {
        throw new RebuildConflictException(Conflict.INTERRUPTED, interrupted.get().number());
      }
      ReadModelGenerations.Generation target = generations.create();
      records.building(target.number());
      run(target, lease);
      return progress().orElseThrow();
    } catch (RuntimeException e) {
      if (running == null || running.lease() != lease) {
        lease.close();
      }
      throw e;
    }
  }

  /**
   * Resumes the interrupted rebuild of generation {@code number} in this instance: its consumer
   * groups carry on from their committed offsets.
   *
   * @throws NoSuchElementException if no generation {@code number} is being built
   * @throws RebuildConflictException if it is being built already
   */
  public synchronized Progress resume(int number) {
    ReadModelGenerations.Generation target =
        generations.find(number).filter(g -> "BUILDING".equals(g.status())).orElseThrow();
    if (running != null) {
      throw new RebuildConflictException(Conflict.RUNNING_ELSEWHERE, running.target().number());
    }
    AdvisoryLock lease = lease(number);
    try {
      records.building(number);
      run(target, lease);
      log.info("Rebuild of {} resumed", target.schema());
      return progress().orElseThrow();
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Drops generation {@code number} and deletes its consumer groups: a retired one, or the one an
   * interrupted (or this instance's) rebuild was filling, which is thereby abandoned.
   *
   * @throws NoSuchElementException if there is no such generation
   * @throws RebuildConflictException if it is active, or being built by another instance
   */
  public synchronized void drop(int number) {
    ReadModelGenerations.Generation generation = generations.find(number).orElseThrow();
    switch (generation.status()) {
      case "ACTIVE" -> throw new RebuildConflictException(Conflict.ACTIVE, number);
      case "BUILDING" -> {
        AdvisoryLock lease;
        if (running != null && running.target().number() == number) {
          lease = running.lease();
          stopRunning(false);
        } else {
          lease = lease(number);
        }
        try {
          consumers.deleteGroups("g" + number, GROUPS_PATIENCE);
          generations.drop(number);
          records.ended(number, "ABANDONED");
          log.warn("Rebuild of {} abandoned and dropped", generation.schema());
        } finally {
          lease.close();
        }
      }
      default -> {
        consumers.deleteGroups("g" + number, GROUPS_PATIENCE);
        generations.drop(number);
        log.info("Retired generation {} dropped", generation.schema());
      }
    }
  }

  /** The latest rebuild, as the database knows it. */
  public Optional<Progress> progress() {
    boolean runs = AdvisoryLock.isHeld(jdbc, AdvisoryLock.REBUILD);
    return records
        .latest()
        .map(
            r ->
                new Progress(
                    r.generation(),
                    status(r, runs),
                    r.remaining(),
                    r.deadLetters(),
                    r.startedAt(),
                    r.checkedAt(),
                    r.endedAt(),
                    r.error()));
  }

  private static String status(RebuildRecords.Rebuild rebuild, boolean runs) {
    if (!"BUILDING".equals(rebuild.status())) {
      return rebuild.status();
    }
    if (!runs) {
      return "INTERRUPTED";
    }
    return rebuild.deadLetters().any() ? "BLOCKED" : "BUILDING";
  }

  private AdvisoryLock lease(int generation) {
    return AdvisoryLock.trySession(dataSource, AdvisoryLock.REBUILD)
        .orElseThrow(() -> new RebuildConflictException(Conflict.RUNNING_ELSEWHERE, generation));
  }

  private void run(ReadModelGenerations.Generation target, AdvisoryLock lease) {
    EventConsumers.Subscription subscription =
        consumers.subscribe(
            "g" + target.number(),
            delivery ->
                schemas.within(
                    target.schema(),
                    () -> {
                      delivery.run();
                      return null;
                    }),
            REBUILD_THREADS);
    ScheduledFuture<?> check =
        checks.scheduleWithFixedDelay(
            this::checkProgress,
            checkEvery.toMillis(),
            checkEvery.toMillis(),
            TimeUnit.MILLISECONDS);
    running = new Running(target, subscription, lease, check);
    lastMark = null;
    log.info("Rebuilding the read models into {}", target.schema());
  }

  private synchronized void checkProgress() {
    if (running == null) {
      return;
    }
    int number = running.target().number();
    try {
      if (!running.lease().held()) {
        log.error("Rebuild of {} stopped: its database session ended; resume it", running.target());
        stopRunning(true);
        return;
      }
      // what was published until now, and whether everything published until the last check is
      // read: facts that never stop arriving cannot keep a rebuild that keeps pace from switching
      Map<TopicPartition, Long> mark = running.subscription().ends();
      long remaining = running.subscription().behind(mark);
      boolean caughtUp =
          remaining == 0 || (lastMark != null && running.subscription().behind(lastMark) == 0);
      lastMark = mark;
      DeadLetters letters = records.deadLettersOf(running.target().schema());
      records.progressed(number, remaining, letters);
      if (caughtUp) {
        if (letters.any()) {
          log.warn(
              "Rebuild of {} caught up but not switched over: {} failed and {} parked dead"
                  + " letters to retry or discard",
              running.target().schema(),
              letters.failed(),
              letters.parked());
        } else {
          switchOver();
        }
      }
    } catch (RuntimeException e) {
      log.warn("Rebuild progress check failed, will try again: {}", e.toString());
      try {
        records.failedCheck(number, e.toString());
      } catch (RuntimeException ignored) {
        // the database is what failed: the next check records it
      }
    }
  }

  /**
   * Switches over, in one transaction holding the switch lock exclusively: the live deliveries
   * under way on every instance finish first, new ones are postponed; the new generation reads the
   * records published until then (facts published meanwhile are left to the live consumers, which
   * apply them to the new generation once it is active, its inbox skipping those the rebuild
   * applied too); it is checked for dead letters once more; it becomes the active one. When the
   * transaction commits, every instance's next delivery and query use it.
   */
  private void switchOver() {
    ReadModelGenerations.Generation target = running.target();
    Boolean switched =
        transaction.execute(
            status -> {
              jdbc.query(
                  "SELECT true FROM pg_advisory_xact_lock(?, ?)",
                  rs -> {},
                  AdvisoryLock.NAMESPACE,
                  GenerationGate.SWITCH);
              awaitCaughtUp();
              DeadLetters letters = records.deadLettersOf(target.schema());
              if (letters.any()) {
                records.progressed(target.number(), 0, letters);
                return false;
              }
              generations.activate(target);
              records.ended(target.number(), "SWITCHED");
              return true;
            });
    if (!Boolean.TRUE.equals(switched)) {
      log.warn("Switch-over to {} called off: its last events were dead-lettered", target);
      return;
    }
    stopRunning(true);
    log.info("Read models switched over to {}", target.schema());
    try {
      consumers.deleteGroups("g" + target.number(), GROUPS_PATIENCE);
    } catch (RuntimeException e) {
      log.warn(
          "Consumer groups of {} not deleted yet (they are when it is dropped): {}",
          target.schema(),
          e.toString());
    }
  }

  /**
   * Waits until the new generation's groups have read every record published before now. Records
   * published later do not count: no live consumer applies them to the old generation any more, and
   * they resume, after the switch, from offsets no further than this mark.
   */
  private void awaitCaughtUp() {
    Instant deadline = Instant.now().plus(SWITCH_TIMEOUT);
    Map<TopicPartition, Long> mark = running.subscription().ends();
    while (running.subscription().behind(mark) > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The new generation did not catch up in " + SWITCH_TIMEOUT);
      }
      pause();
    }
  }

  /** Stops this instance's rebuild: its subscription, its checks and, if asked, its lock. */
  private void stopRunning(boolean releaseLease) {
    running.check().cancel(false);
    running.subscription().stop();
    if (releaseLease) {
      running.lease().close();
    }
    running = null;
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A rebuild running here stops with the instance: it is interrupted, to be resumed. */
  @Override
  public synchronized void destroy() {
    checks.shutdownNow();
    if (running != null) {
      log.warn("Rebuild of {} interrupted by the shutdown", running.target().schema());
      stopRunning(true);
    }
  }
}
