package fr.passerelle.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same servers through Testcontainers, where a Docker engine exists. */
final class Containers {

  private static final String POSTGRES_IMAGE = "postgres:17-alpine";
  private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

  private Containers() {}

  /** Asks Testcontainers only where a Docker endpoint is configured, to keep its probe quiet. */
  static boolean dockerAvailable() {
    boolean endpoint =
        System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    if (!endpoint) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static PostgresServer postgres() {
    var container = new PostgreSQLContainer(POSTGRES_IMAGE);
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort();
    return new PostgresServer(
        base, container.getUsername(), container.getPassword(), "Testcontainers " + POSTGRES_IMAGE);
  }

  static KafkaBroker kafka() {
    var container = new KafkaContainer(KAFKA_IMAGE);
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    return new KafkaBroker(container.getBootstrapServers(), "Testcontainers " + KAFKA_IMAGE);
  }
}
