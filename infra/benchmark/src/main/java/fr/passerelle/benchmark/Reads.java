package fr.passerelle.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a user reads, and how soon: a submission's arrival in reporting's figures (the event's way
 * through Kafka to a read model), and one dossier's read (its events replayed).
 */
final class Reads {

  private static final Pattern SUBMITTED =
      Pattern.compile("\"submittedDossiers\"\\s*:\\s*([0-9]+)");

  private final Http http;

  Reads(Http http) {
    this.http = http;
  }

  /**
   * A dossier submitted, then reporting's count of submitted dossiers read until it shows it,
   * {@code samples} times: from the submission's request to the count that includes it. Each sample
   * is split where the platform's clock can tell: the submission answered, the outbox's record of
   * it created (its Kafka timestamp, taken by the producer as the outbox sends it), and the reads
   * of the count until it moved.
   */
  Visibility submissionToRead(Client client, int samples, Map<String, Object> kafka) {
    List<Sample> taken = new ArrayList<>();
    String base = client.base();
    String secretariat = http.token("secretariat-" + client.departement(), null);
    try (Published published = new Published(kafka, DOSSIER_TOPIC)) {
      for (int i = 0; i < samples; i++) {
        int before = submitted(base, secretariat).count();
        HttpResponse<String> drafted =
            http.post(http.gateway(base + "/dossiers"), client.dossier(), client.token());
        String id = Http.extract(Client.DOSSIER_ID, drafted);
        long wall = System.currentTimeMillis();
        long start = System.nanoTime();
        http.post(http.gateway(base + "/dossiers/" + id + "/submission"), "{}", client.token());
        long answered = System.nanoTime() - start;
        long deadline = start + Duration.ofSeconds(30).toNanos();
        List<Long> reads = new ArrayList<>();
        while (true) {
          Count count = submitted(base, secretariat);
          reads.add(count.took());
          if (count.count() > before) {
            break;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("a submission not visible in reporting after 30 s");
          }
        }
        long visible = System.nanoTime() - start;
        long sentAt = published.awaitSentAfter(id, wall, Duration.ofSeconds(10));
        taken.add(new Sample(wall, visible, answered, (sentAt - wall) * 1_000_000L, reads));
      }
    }
    return new Visibility(taken);
  }

  /** The topic the dossier service's outbox sends to. */
  private static final String DOSSIER_TOPIC = "dossier.events";

  /**
   * One submission's way to reporting, in nanoseconds from its request: answered, its record sent
   * by the outbox (the record's timestamp, in milliseconds), visible; and each read of the count.
   * {@code at}: the request's wall-clock time (epoch milliseconds), to find it in the services'
   * logs.
   */
  record Sample(long at, long visible, long answered, long sent, List<Long> reads) {
    String describe() {
      return ("%.0f ms at %s (answered %.0f, sent to Kafka %.0f, %d reads of the count, the last"
              + " %.0f ms)")
          .formatted(
              visible / 1e6,
              LocalTime.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC),
              answered / 1e6,
              sent / 1e6,
              reads.size(),
              reads.get(reads.size() - 1) / 1e6);
    }
  }

  /** The samples of {@link #submissionToRead} and their percentiles, stage by stage. */
  record Visibility(List<Sample> samples) {
    Latencies visible() {
      return Latencies.of(samples.stream().map(Sample::visible).toList());
    }

    Latencies answered() {
      return Latencies.of(samples.stream().map(Sample::answered).toList());
    }

    Latencies sent() {
      return Latencies.of(samples.stream().map(Sample::sent).toList());
    }

    /** From the record sent to the count read that shows it, the last read included. */
    Latencies afterSent() {
      return Latencies.of(samples.stream().map(s -> s.visible() - s.sent()).toList());
    }

    Latencies reads() {
      return Latencies.of(samples.stream().flatMap(s -> s.reads().stream()).toList());
    }

    /** The {@code count} slowest samples, the slowest first. */
    List<String> slowest(int count) {
      return samples.stream()
          .sorted(Comparator.comparingLong(Sample::visible).reversed())
          .limit(count)
          .map(Sample::describe)
          .toList();
    }
  }

  /**
   * The records of a topic as they are sent, read from its end: the latest record's timestamp by
   * key (a dossier's id).
   */
  private static final class Published implements AutoCloseable {
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread reader;

    Published(Map<String, Object> kafka, String topic) {
      Properties settings = new Properties();
      settings.putAll(kafka);
      KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      reader =
          new Thread(
              () -> {
                try (consumer) {
                  while (open.get()) {
                    for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(100))) {
                      latest.merge(record.key(), record.timestamp(), Math::max);
                    }
                  }
                }
              },
              "benchmark-published");
      reader.start();
    }

    /** The timestamp of the record of {@code key} sent at or after {@code after} (ms). */
    long awaitSentAfter(String key, long after, Duration patience) {
      long deadline = System.nanoTime() + patience.toNanos();
      while (System.nanoTime() < deadline) {
        Long sent = latest.get(key);
        if (sent != null && sent >= after) {
          return sent;
        }
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      throw new IllegalStateException(
          "the submission's record not seen on Kafka after " + patience);
    }

    @Override
    public void close() {
      open.set(false);
      try {
        reader.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Reporting's count of submitted dossiers, and how long its read took (ns). */
  private Count submitted(String base, String token) {
    long start = System.nanoTime();
    HttpResponse<String> report = http.get(http.gateway(base + "/reports/dossiers"), token);
    long took = System.nanoTime() - start;
    Matcher m = SUBMITTED.matcher(report.body());
    return new Count(m.find() ? Integer.parseInt(m.group(1)) : 0, took);
  }

  private record Count(int count, long took) {}

  /** One dossier drafted and revised {@code revisions} times, then read {@code reads} times. */
  Latencies dossierRead(Client client, int revisions, int reads) {
    String base = client.base() + "/dossiers";
    String id =
        Http.extract(
            Client.DOSSIER_ID, http.post(http.gateway(base), client.dossier(), client.token()));
    for (int i = 0; i < revisions; i++) {
      http.put(http.gateway(base + "/" + id), client.dossier(), client.token());
    }
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      long start = System.nanoTime();
      HttpResponse<String> read = http.get(http.gateway(base + "/" + id), client.token());
      if (read.statusCode() != 200) {
        throw new IllegalStateException("reading a dossier answered " + read.statusCode());
      }
      latencies.add(System.nanoTime() - start);
    }
    return Latencies.of(latencies);
  }
}
