package fr.passerelle.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * This machine's limits, measured on the platform's own servers in the same run: the figures the
 * platform's are divided by, so that a slow machine does not read as a slow platform.
 */
final class Limits {

  /**
   * Kafka's sends per second (one acknowledged at a time, then batched) and reads per second (one
   * consumer reading them all back).
   */
  record KafkaRates(double oneAtATime, double batched, double reads) {}

  private final Platform platform;
  private final Http http;

  Limits(Platform platform, Http http) {
    this.platform = platform;
    this.http = http;
  }

  /** One-row inserts in autocommit for 5 s, one thread per connection: commits per second. */
  double postgresCommits(int connections) throws Exception {
    String url =
        "jdbc:postgresql://127.0.0.1:" + platform.port("PASSERELLE_POSTGRES_PORT") + "/dossier";
    String password = platform.secret("postgres/dossier_owner");
    try (Connection setup = DriverManager.getConnection(url, "dossier_owner", password);
        Statement statement = setup.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS benchmark_commits (id bigserial, at timestamptz)");
    }
    LongAdder commits = new LongAdder();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread thread =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url, "dossier_owner", password);
                    PreparedStatement insert =
                        c.prepareStatement("INSERT INTO benchmark_commits (at) VALUES (now())")) {
                  while (System.nanoTime() < until) {
                    insert.executeUpdate();
                    commits.increment();
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    try (Connection cleanup = DriverManager.getConnection(url, "dossier_owner", password);
        Statement statement = cleanup.createStatement()) {
      statement.execute("DROP TABLE benchmark_commits");
    }
    return commits.sum() / 5.0;
  }

  /**
   * Kafka's sends per second (one acknowledged at a time, then batched) and reads per second (one
   * consumer reading them all back, as a rebuild's consumers read a topic from its start).
   */
  KafkaRates kafka() throws Exception {
    Map<String, Object> client = platform.kafkaClient();
    String topic = "benchmark.limits";
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic(topic, 6, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Properties producer = new Properties();
    producer.putAll(client);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    String value = "x".repeat(600); // about the size of one integration event
    double oneAtATime;
    double batched;
    long sent;
    try (KafkaProducer<String, String> sender =
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
      long count = 0;
      long start = System.nanoTime();
      long until = start + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < until) {
        sender.send(new ProducerRecord<>(topic, "dossier-" + count, value)).get();
        count++;
      }
      oneAtATime = count / ((System.nanoTime() - start) / 1e9);
      int total = 200_000;
      start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        sender.send(new ProducerRecord<>(topic, "dossier-" + i, value));
      }
      sender.flush();
      batched = total / ((System.nanoTime() - start) / 1e9);
      sent = count + total;
    }
    Properties consumer = new Properties();
    consumer.putAll(client);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    double reads;
    try (KafkaConsumer<String, String> reader =
        new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          reader.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      long read = 0;
      long start = System.nanoTime();
      long deadline = start + Duration.ofMinutes(2).toNanos();
      while (read < sent && System.nanoTime() < deadline) {
        read += reader.poll(Duration.ofMillis(500)).count();
      }
      reads = read / ((System.nanoTime() - start) / 1e9);
    }
    try (Admin admin = Admin.create(client)) {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    }
    return new KafkaRates(oneAtATime, batched, reads);
  }

  /** Requests per second to the gateway's liveness route, which calls no service. */
  double gatewayCeiling(int connections) throws InterruptedException {
    URI liveness = liveness();
    return Load.drive(
            connections,
            Duration.ofSeconds(5),
            index ->
                http.send(
                            HttpRequest.newBuilder(liveness)
                                .GET()
                                .timeout(Duration.ofSeconds(10))
                                .build())
                        .statusCode()
                    == 200)
        .perSecond();
  }

  /** The liveness route's median latency in milliseconds, one request at a time. */
  double gatewayLatency(int requests) {
    URI liveness = liveness();
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      http.send(HttpRequest.newBuilder(liveness).GET().timeout(Duration.ofSeconds(10)).build());
      latencies.add(System.nanoTime() - start);
    }
    return Latencies.of(latencies).p50();
  }

  private URI liveness() {
    return http.gateway("/actuator/health/liveness");
  }
}
