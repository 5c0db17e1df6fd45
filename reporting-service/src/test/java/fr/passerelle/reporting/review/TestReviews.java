package fr.passerelle.reporting.review;

import fr.passerelle.testsupport.TestInfrastructure;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Facts for the tests of other packages, published as the producers publish them. */
public final class TestReviews {

  private TestReviews() {}

  /**
   * Publishes {@code count} pathways validated in {@code departmentCode} during {@code year}, each
   * with its residence permit, and returns nothing: the review then shows them.
   */
  public static void validatedPathways(String departmentCode, int year, int count) {
    for (int i = 0; i < count; i++) {
      String dossier = ProducedEvents.aDossierId();
      LocalDate decided = LocalDate.of(year, 2, 1 + i % 27);
      ProducedEvents.validated(dossier, departmentCode, "MG", true, decided).send();
      ProducedEvents.permit(dossier, departmentCode, decided.plusMonths(1)).send();
    }
  }

  /**
   * Publishes, through one producer, {@code dossiers} pathways validated in {@code departmentCode}
   * during {@code year}, each with its residence permit and its AFIS grant: three events per
   * dossier, over the decision and benefits topics. For benchmarks.
   *
   * @return the number of events published
   */
  public static int manyValidatedPathways(String departmentCode, int year, int dossiers) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20),
            new StringSerializer(),
            new StringSerializer())) {
      int sent = 0;
      for (int i = 0; i < dossiers; i++) {
        String dossier = ProducedEvents.aDossierId();
        LocalDate decided = LocalDate.of(year, 1 + i % 12, 1 + i % 28);
        for (ProducedEvents.Produced event :
            List.of(
                ProducedEvents.validated(dossier, departmentCode, "MG", true, decided),
                ProducedEvents.permit(dossier, departmentCode, decided.plusMonths(1)),
                ProducedEvents.afisGranted(
                    dossier, departmentCode, 33_000, decided.plusMonths(1)))) {
          producer.send(event.record());
          sent++;
        }
      }
      producer.flush();
      return sent;
    }
  }

  /** Publishes one pathway refused in {@code departmentCode} during {@code year}. */
  public static void refusedPathway(String departmentCode, int year) {
    ProducedEvents.refused(
            ProducedEvents.aDossierId(), departmentCode, "KM", false, LocalDate.of(year, 4, 2))
        .send();
  }

  /**
   * Starts publishing, through one producer and one after the other, pathways validated in {@code
   * departmentCode} during {@code year}, each with its residence permit, without a pause, until the
   * flow is closed: facts that never stop arriving.
   */
  public static Flow steadyFlow(String departmentCode, int year) {
    return new Flow(departmentCode, year);
  }

  /**
   * Pathways published at a steady rate until closed; {@link #sent()} counts them. The rate is a
   * busy platform's, many times a real département's, yet one that a rebuild keeps pace with on a
   * loaded machine: published as fast as the broker takes them, the facts outran the rebuild's
   * consumers whenever the machine was busy, and no rebuild can catch up with a flow faster than
   * itself.
   */
  public static final class Flow implements AutoCloseable {

    /** Pathways a second (each two records: its validation and its permit). */
    static final int PER_SECOND = 20;

    private final AtomicBoolean flowing = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final CompletableFuture<Void> publishing;

    private Flow(String departmentCode, int year) {
      publishing =
          CompletableFuture.runAsync(
              () -> {
                try (var producer =
                    new KafkaProducer<>(
                        Map.<String, Object>of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfrastructure.get().kafkaBootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                        new StringSerializer(),
                        new StringSerializer())) {
                  long interval = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
                  long next = System.nanoTime();
                  while (flowing.get()) {
                    long ahead = next - System.nanoTime();
                    if (ahead > 0) {
                      LockSupport.parkNanos(ahead);
                      continue;
                    }
                    next += interval;
                    String dossier = ProducedEvents.aDossierId();
                    LocalDate decided = LocalDate.of(year, 3, 1 + sent.get() % 28);
                    producer
                        .send(
                            ProducedEvents.validated(dossier, departmentCode, "MG", true, decided)
                                .record())
                        .get();
                    producer
                        .send(ProducedEvents.permit(dossier, departmentCode, decided).record())
                        .get();
                    sent.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                } catch (ExecutionException e) {
                  throw new IllegalStateException("A fact of the flow was not published", e);
                }
              });
    }

    /** The pathways published so far. */
    public int sent() {
      return sent.get();
    }

    /** Stops the flow once the pathway being published is; {@link #sent()} is then final. */
    @Override
    public void close() {
      flowing.set(false);
      publishing.join();
    }
  }
}
