package fr.passerelle.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (KRaft, one node) in a process of its own, which a test can stop and start again
 * on the same ports and data: for proving what happens while Kafka is down. Runs {@code
 * kafka.Kafka} from the test's own class path.
 */
public final class KafkaProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final String properties;
  private Process broker;

  private KafkaProcess(Path directory, int port, String properties) {
    this.directory = directory;
    this.port = port;
    this.properties = properties;
  }

  /** Formats a new broker's storage under a temporary directory and starts it. */
  public static KafkaProcess start() {
    try {
      Path directory = Files.createTempDirectory("passerelle-kafka-");
      int port = freePort();
      return start(directory, port, properties(directory, port, freePort()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Formats a new broker's storage and starts it with {@code serverProperties}, whose clients'
   * listener is on {@code port}; its own files (configuration, logs) go in {@code directory}.
   */
  public static KafkaProcess start(Path directory, int port, String serverProperties) {
    try {
      Files.createDirectories(directory);
      var kafka = new KafkaProcess(directory, port, serverProperties);
      kafka.format();
      kafka.startBroker();
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Stops the broker (SIGTERM, then SIGKILL) and waits until its port is closed. */
  public void stop() {
    if (broker == null) {
      return;
    }
    broker.destroy();
    try {
      if (!broker.waitFor(30, TimeUnit.SECONDS)) {
        broker.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    broker = null;
  }

  /** Starts the broker again on the same ports and data. */
  public void restart() {
    stop();
    startBroker();
  }

  @Override
  public void close() {
    stop();
  }

  private void format() throws IOException {
    Files.writeString(directory.resolve("server.properties"), properties);
    Process format =
        java(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                UUID.randomUUID().toString(),
                "-c",
                config())
            .redirectOutput(directory.resolve("format.log").toFile())
            .redirectErrorStream(true)
            .start();
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException(
            "Kafka storage format failed: " + Files.readString(directory.resolve("format.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void startBroker() {
    try {
      broker =
          java("kafka.Kafka", config())
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
              .redirectErrorStream(true)
              .start();
      Process started = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
      awaitPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitPort() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!broker.isAlive()) {
        throw new IllegalStateException("Kafka exited; see " + directory.resolve("broker.log"));
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          broker.waitFor(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("Kafka did not open port " + port + " in " + START_TIMEOUT);
  }

  private ProcessBuilder java(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(directory.toFile());
  }

  private String config() {
    return directory.resolve("server.properties").toString();
  }

  private static String properties(Path directory, int port, int controllerPort) {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + directory.resolve("data"),
        "num.partitions=3",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "min.insync.replicas=1",
        "auto.create.topics.enable=false",
        "group.initial.rebalance.delay.ms=0",
        "log.retention.ms=-1",
        "");
  }

  /** A port nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
