package fr.passerelle.eventbus.consume;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Sends an idle consumer back to its group's committed offset on every partition it has read past
 * it. Each poll's offsets are committed once its records are applied, so a consumer with nothing
 * left to read has read exactly as far as its group committed, unless a commit was lost: refused
 * after its instance was evicted from the group (paused beyond the session timeout), or given up in
 * a rebalance, with the consumer keeping, or given back, the partition from where it had read.
 * Those records then stay uncommitted for good on a quiet partition, counted as still to read (seen
 * in the chaos suite: 2 to 3 records of {@code dossier.events} for two of decision-service's
 * groups, after a pause until evicted that followed PostgreSQL's outage). Read again, they are
 * recognised by the inbox and their offsets committed with the poll. {@link FromCommittedOffsets}
 * does the same when a rebalance calls back; this covers the paths that do not.
 */
final class ReadAgainWhenIdle {

  private ReadAgainWhenIdle() {}

  /**
   * Seeks every assigned partition whose position is past its committed offset back to that offset;
   * to be called on the consumer's own thread, between two polls.
   *
   * @return the committed offset of each partition sought back, by partition
   */
  static Map<TopicPartition, Long> fromCommitted(Consumer<?, ?> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    Map<TopicPartition, Long> sought =
        new TreeMap<>(
            (a, b) ->
                a.topic().equals(b.topic())
                    ? Integer.compare(a.partition(), b.partition())
                    : a.topic().compareTo(b.topic()));
    if (assigned.isEmpty()) {
      return sought;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
    committed.forEach(
        (partition, offset) -> {
          if (offset != null && consumer.position(partition) > offset.offset()) {
            consumer.seek(partition, offset);
            sought.put(partition, offset.offset());
          }
        });
    return sought;
  }
}
