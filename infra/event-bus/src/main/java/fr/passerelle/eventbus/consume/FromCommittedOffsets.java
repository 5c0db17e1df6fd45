package fr.passerelle.eventbus.consume;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Reads every partition a consumer is given from the offset its group committed, not from where
 * that consumer had read. A consumer evicted from its group while it applied a poll (its instance
 * paused beyond the session timeout) cannot commit that poll's offsets; given the same partitions
 * back, the Kafka client went on from where it had read, so those records stayed uncommitted until
 * the next record on the partition: the group counted them as still to read, on a quiet partition
 * for good (seen in the chaos suite, 6 records of {@code dossier.events-3} for decision-service's
 * pathway intake). Read again, they are recognised by the inbox and their offsets committed with
 * the poll.
 */
final class FromCommittedOffsets implements ConsumerAwareRebalanceListener {

  static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    seek(consumer, partitions, (partition, committed) -> true);
  }

  /**
   * Seeks each of {@code partitions} that its group has committed and for which {@code when} holds
   * back to its committed offset; to be called on the consumer's own thread.
   *
   * @return the committed offset of each partition sought, by partition
   */
  static Map<TopicPartition, Long> seek(
      Consumer<?, ?> consumer,
      Collection<TopicPartition> partitions,
      BiPredicate<TopicPartition, OffsetAndMetadata> when) {
    Map<TopicPartition, Long> sought = new TreeMap<>(BY_TOPIC_AND_PARTITION);
    if (partitions.isEmpty()) {
      return sought;
    }
    consumer
        .committed(new HashSet<>(partitions))
        .forEach(
            (partition, committed) -> {
              if (committed != null && when.test(partition, committed)) {
                consumer.seek(partition, committed);
                sought.put(partition, committed.offset());
              }
            });
    return sought;
  }
}
