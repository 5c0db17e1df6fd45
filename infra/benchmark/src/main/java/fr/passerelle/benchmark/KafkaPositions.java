package fr.passerelle.benchmark;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the services' consumer groups stand on the topics they read, through Kafka's Admin API: the
 * rebuild is timed from a platform at rest (every service's live consumers caught up), and counts
 * the records the topics reporting-service reads hold.
 */
final class KafkaPositions {

  private KafkaPositions() {}

  /** The topics reporting's groups read. */
  static Set<String> readTopics(Admin admin) throws Exception {
    Set<String> topics = new TreeSet<>();
    for (String group : reportingGroups(admin)) {
      committed(admin, group).keySet().forEach(partition -> topics.add(partition.topic()));
    }
    return topics;
  }

  /**
   * The services whose consumer groups {@link #platformLag} counts (a group is named after one).
   */
  private static final List<String> SERVICES =
      List.of("dossier-service.", "decision-service.", "benefits-service.", "reporting-service.");

  /**
   * Records reporting's groups have still to read, over every partition of the topics they read (a
   * partition a group has no offset on yet counts from its first record).
   */
  static long liveLag(Admin admin) throws Exception {
    return lag(admin, reportingGroups(admin));
  }

  /**
   * Records every service's groups have still to read: the other services consume the same topics
   * and publish what the events they read cause, on other processes of the same two cores.
   */
  static long platformLag(Admin admin) throws Exception {
    List<String> groups =
        groups(admin).stream()
            .filter(group -> SERVICES.stream().anyMatch(group::startsWith))
            .toList();
    return lag(admin, groups);
  }

  private static long lag(Admin admin, List<String> groups) throws Exception {
    if (groups.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long lag = 0;
    for (String group : groups) {
      Map<TopicPartition, Long> committed = committed(admin, group);
      Set<TopicPartition> partitions =
          partitions(
              admin,
              committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()));
      Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
      Map<TopicPartition, Long> beginnings = offsets(admin, partitions, OffsetSpec.earliest());
      for (TopicPartition partition : partitions) {
        lag +=
            Math.max(
                0,
                ends.get(partition) - committed.getOrDefault(partition, beginnings.get(partition)));
      }
    }
    return lag;
  }

  /** Records held by {@code topics}, every partition, from its first offset to its last. */
  static long records(Admin admin, Set<String> topics) throws Exception {
    Set<TopicPartition> partitions = partitions(admin, topics);
    Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> beginnings = offsets(admin, partitions, OffsetSpec.earliest());
    long records = 0;
    for (TopicPartition partition : partitions) {
      records += ends.get(partition) - beginnings.get(partition);
    }
    return records;
  }

  /** Reporting-service's consumer groups (each of its live consumers has its own). */
  private static List<String> reportingGroups(Admin admin) throws Exception {
    return groups(admin).stream().filter(group -> group.startsWith("reporting")).toList();
  }

  private static List<String> groups(Admin admin) throws Exception {
    return admin
        .listGroups(ListGroupsOptions.forConsumerGroups())
        .all()
        .get(30, TimeUnit.SECONDS)
        .stream()
        .map(GroupListing::groupId)
        .toList();
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (partition, offset) -> {
              if (offset != null) {
                offsets.put(partition, offset.offset());
              }
            });
    return offsets;
  }

  private static Set<TopicPartition> partitions(Admin admin, Set<String> topics) throws Exception {
    Set<TopicPartition> partitions = new HashSet<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
    return partitions;
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
    partitions.forEach(partition -> asked.put(partition, spec));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(asked)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }
}
