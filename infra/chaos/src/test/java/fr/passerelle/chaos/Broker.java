package fr.passerelle.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The broker as its operator sees it: the members of a consumer group, so that a paused instance
 * lasts exactly until the broker has evicted its consumers, however the session timeout is set.
 * Signs in as the broker's own user (the only super user), whose password the run directory keeps.
 */
final class Broker implements AutoCloseable {

  private final Admin admin;

  Broker(int port) {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
    settings.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    settings.put("sasl.mechanism", "PLAIN");
    settings.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\""
            + " password=\""
            + password()
            + "\";");
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    this.admin = Admin.create(settings);
  }

  /**
   * The consumers the broker counts now in each group of a service (the groups' ids start with its
   * name and a dot: {@code decision-service.pathway-intake}...), by their member ids: a member
   * keeps its id while it stays in the group, so that the members of one paused instance can be
   * seen leaving while those of the others stay.
   */
  Map<String, Set<String>> members(String service)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<String> groups =
        admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
            .map(GroupListing::groupId)
            .filter(id -> id.startsWith(service + "."))
            .toList();
    if (groups.isEmpty()) {
      throw new IllegalStateException("the broker knows no group of " + service);
    }
    Map<String, Set<String>> members = new TreeMap<>();
    admin
        .describeConsumerGroups(groups)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach(
            (group, description) ->
                members.put(
                    group,
                    description.members().stream()
                        .map(MemberDescription::consumerId)
                        .collect(Collectors.toSet())));
    return members;
  }

  /**
   * How far every consumer group stands behind the end of what it reads: the records of its
   * partitions (those it committed offsets for, and those assigned to its members) not yet
   * committed, and the end offsets of those partitions, so that a caller can see whether anything
   * moved between two looks.
   */
  Positions positions() throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Long> behind = new TreeMap<>();
    long ends = 0;
    for (GroupListing group : admin.listGroups().all().get(10, TimeUnit.SECONDS)) {
      String id = group.groupId();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(id)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> read = new HashMap<>();
      committed.keySet().forEach(partition -> read.put(partition, OffsetSpec.latest()));
      admin
          .describeConsumerGroups(List.of(id))
          .all()
          .get(10, TimeUnit.SECONDS)
          .get(id)
          .members()
          .forEach(
              member ->
                  member
                      .assignment()
                      .topicPartitions()
                      .forEach(partition -> read.put(partition, OffsetSpec.latest())));
      if (read.isEmpty()) {
        continue;
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
          admin.listOffsets(read).all().get(10, TimeUnit.SECONDS);
      for (TopicPartition partition : read.keySet()) {
        OffsetAndMetadata at = committed.get(partition);
        long last = end.get(partition).offset();
        long lag = Math.max(0, last - (at == null ? 0 : at.offset()));
        if (lag > 0) {
          behind.merge(id + " " + partition, lag, Long::sum);
        }
        ends += last;
      }
    }
    return new Positions(behind, ends);
  }

  /**
   * The records not yet consumed, by group and partition (empty when every group is at the end),
   * and the sum of the end offsets looked at.
   */
  record Positions(Map<String, Long> behind, long ends) {}

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
  }

  private static String password() {
    Path secret =
        Path.of(System.getProperty("passerelle.run-dir"))
            .resolve("secrets")
            .resolve("kafka")
            .resolve("broker");
    try {
      return Files.readAllLines(secret).get(0).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the broker's password", e);
    }
  }

  /** Where a suite's platform stands, as one look sees it. */
  @FunctionalInterface
  interface Standing {
    Look look(Broker broker) throws Exception;
  }

  /**
   * One look at the platform: whether everything has reached where it goes, and either where it all
   * stands (to compare two looks) or what is still behind (to say why a wait failed).
   */
  record Look(boolean caughtUp, String where) {
    static Look at(String where) {
      return new Look(true, where);
    }

    static Look behind(String what) {
      return new Look(false, what);
    }
  }

  /**
   * Waits until {@code standing} says the same twice in a row, with nothing new in between: a
   * consumer that appends to a store, whose outbox publishes to another, is seen moving. Prints
   * what is behind each time it changes, and fails naming what was still behind at the last look.
   */
  static void awaitQuiet(int port, Duration atMost, Standing standing) {
    AtomicReference<Look> last = new AtomicReference<>(Look.behind("nothing looked at yet"));
    try (Broker broker = new Broker(port)) {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                Look now;
                try {
                  now = standing.look(broker);
                } catch (Exception e) {
                  now = Look.behind("the last look failed: " + e);
                }
                Look before = last.getAndSet(now);
                if (!now.caughtUp() && !now.equals(before)) {
                  System.out.println(Instant.now() + " still behind: " + now.where());
                }
                return now.caughtUp() && now.equals(before);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "the platform did not settle within " + atMost + "; still behind: " + last.get().where(),
          e);
    }
  }
}
