package fr.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.passerelle.runtime.KafkaAccess.ServiceAccess;
import fr.passerelle.testsupport.KafkaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime's broker as {@code passerelle up} runs it: the settings the script writes (SASL
 * on every listener, ACLs enforced, nothing allowed by default) and the users and ACLs {@link
 * KafkaAccess} grants. Each service signs in as itself and may write only its own topic and read
 * only what it consumes; nobody else gets in.
 */
class KafkaAccessIT {

  private static final String DOSSIER = "dossier-service";
  private static final String DECISION = "decision-service";
  private static final String BENEFITS = "benefits-service";
  private static final String REPORTING = "reporting-service";

  @TempDir static Path runDirectory;
  private static KafkaProcess kafka;
  private static String bootstrapServers;

  @BeforeAll
  static void startTheBrokerAsUpDoes() throws Exception {
    int port = KafkaProcess.freePort();
    String properties = scriptBrokerProperties(port, KafkaProcess.freePort());
    kafka = KafkaProcess.start(runDirectory.resolve("kafka"), port, properties);
    bootstrapServers = kafka.bootstrapServers();
    KafkaAccess.grant(bootstrapServers, secrets());
    for (ServiceAccess service : KafkaAccess.SERVICES) {
      service
          .writes()
          .ifPresent(
              topic -> {
                try (Admin admin = Admin.create(as(service.service()))) {
                  admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (InterruptedException | ExecutionException e) {
                  throw new IllegalStateException(service + " could not create " + topic, e);
                }
              });
    }
  }

  @AfterAll
  static void stopTheBroker() {
    kafka.close();
  }

  @Test
  void aServiceWritesItsOwnTopicAndNoOther() throws Exception {
    try (KafkaProducer<String, String> producer = producer(DOSSIER)) {
      assertThat(producer.send(record("dossier.events")).get(30, TimeUnit.SECONDS).offset())
          .isNotNegative();

      for (String other : List.of("decision.events", "benefits.events")) {
        assertThatThrownBy(() -> producer.send(record(other)).get(30, TimeUnit.SECONDS))
            .as("dossier-service writing %s", other)
            .hasCauseInstanceOf(TopicAuthorizationException.class);
      }
    }
  }

  @Test
  void aServiceCreatesOnlyItsOwnTopic() {
    try (Admin admin = Admin.create(as(DOSSIER))) {
      assertThatThrownBy(
              () ->
                  admin
                      .createTopics(List.of(new NewTopic("dossier.events.copy", 1, (short) 1)))
                      .all()
                      .get())
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aServiceReadsWhatItConsumes() throws Exception {
    String key = UUID.randomUUID().toString();
    try (KafkaProducer<String, String> producer = producer(DECISION)) {
      producer.send(new ProducerRecord<>("decision.events", key, "validated")).get();
    }

    for (String reader : List.of(BENEFITS, REPORTING)) {
      try (KafkaConsumer<String, String> consumer =
          consumer(reader, reader + ".test-" + UUID.randomUUID())) {
        consumer.subscribe(List.of("decision.events"));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  for (ConsumerRecord<String, String> read :
                      consumer.poll(Duration.ofMillis(500))) {
                    if (read.key().equals(key)) {
                      return true;
                    }
                  }
                  return false;
                });
      }
    }
  }

  @Test
  void aServiceCannotReadATopicItDoesNotConsume() {
    for (var reading : Map.of(BENEFITS, "dossier.events", DECISION, "benefits.events").entrySet()) {
      try (KafkaConsumer<String, String> consumer =
          consumer(reading.getKey(), reading.getKey() + ".test-" + UUID.randomUUID())) {
        consumer.subscribe(List.of(reading.getValue()));
        assertThatThrownBy(() -> pollFor(consumer, Duration.ofSeconds(30)))
            .as("%s reading %s", reading.getKey(), reading.getValue())
            .isInstanceOf(TopicAuthorizationException.class);
      }
    }
  }

  @Test
  void aServiceUsesOnlyConsumerGroupsNamedAfterIt() {
    try (KafkaConsumer<String, String> consumer = consumer(DECISION, REPORTING + ".submissions")) {
      consumer.subscribe(List.of("dossier.events"));
      assertThatThrownBy(() -> pollFor(consumer, Duration.ofSeconds(30)))
          .isInstanceOf(GroupAuthorizationException.class);
    }
  }

  @Test
  void whoeverCannotSignInIsRefused() {
    Map<String, Object> wrongPassword =
        KafkaAccess.scramClient(bootstrapServers, DOSSIER, "not-the-password");
    assertThatThrownBy(() -> describeCluster(wrongPassword))
        .hasCauseInstanceOf(SaslAuthenticationException.class);

    Map<String, Object> wrongBrokerPassword =
        KafkaAccess.brokerClient(bootstrapServers, "not-the-password");
    assertThatThrownBy(() -> describeCluster(wrongBrokerPassword))
        .hasCauseInstanceOf(SaslAuthenticationException.class);

    // A client that does not speak SASL gets no answer at all: the broker closes its connection.
    Map<String, Object> anonymous = new HashMap<>();
    anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    anonymous.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    assertThatThrownBy(() -> describeCluster(anonymous))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
  }

  @Test
  void everyServiceCanCheckTheClusterForItsHealth() throws Exception {
    for (ServiceAccess service : KafkaAccess.SERVICES) {
      assertThat(describeCluster(as(service.service()))).as(service.service()).isOne();
    }
  }

  /**
   * The broker settings {@code passerelle up} writes, from the script itself, with the broker's
   * password it makes in the run directory.
   */
  private static String scriptBrokerProperties(int port, int controllerPort)
      throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("passerelle.root"), "passerelle");
    ProcessBuilder bash =
        new ProcessBuilder(
                "bash",
                "-c",
                "source \"$1\" && make_secret \"$KAFKA_SECRETS/broker\" && write_kafka_properties",
                "bash",
                script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    bash.environment().put("PASSERELLE_RUN_DIR", runDirectory.toString());
    bash.environment().put("PASSERELLE_KAFKA_PORT", String.valueOf(port));
    bash.environment().put("PASSERELLE_KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
    Process process = bash.start();
    String properties = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0)
        .as("the script wrote the broker's settings")
        .isTrue();
    return properties;
  }

  private static Path secrets() {
    return runDirectory.resolve("secrets").resolve("kafka");
  }

  private static Map<String, Object> as(String service) {
    try {
      String password = new Secrets(secrets()).read(service).orElseThrow();
      return KafkaAccess.scramClient(bootstrapServers, service, password);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int describeCluster(Map<String, Object> client) throws Exception {
    Map<String, Object> quick = new HashMap<>(client);
    quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(quick)) {
      return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
    }
  }

  private static ProducerRecord<String, String> record(String topic) {
    return new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{}");
  }

  private static KafkaProducer<String, String> producer(String service) {
    Map<String, Object> config = new HashMap<>(as(service));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String service, String group) {
    Map<String, Object> config = new HashMap<>(as(service));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /** Polls for {@code duration}: long enough for an authorization error to surface. */
  private static void pollFor(KafkaConsumer<String, String> consumer, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(500));
    }
  }
}
