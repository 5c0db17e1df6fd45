package fr.passerelle.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FromCommittedOffsetsTest {

  private final TopicPartition given = new TopicPartition("dossier.events", 3);
  private final TopicPartition fresh = new TopicPartition("dossier.events", 4);
  private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

  @Test
  void aPartitionGivenBackIsReadAgainFromWhereItsGroupCommitted() {
    consumer.assign(List.of(given, fresh));
    consumer.updateBeginningOffsets(Map.of(given, 0L, fresh, 0L));
    consumer.commitSync(Map.of(given, new OffsetAndMetadata(138)));
    // this consumer had read six records further, and its commit of them was refused
    consumer.seek(given, 144);
    consumer.seek(fresh, 7);

    new FromCommittedOffsets().onPartitionsAssigned(consumer, List.of(given, fresh));

    assertThat(consumer.position(given)).isEqualTo(138);
    assertThat(consumer.position(fresh)).as("nothing committed: left where it was").isEqualTo(7);
  }
}
