package fr.passerelle.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadAgainWhenIdleTest {

  private final TopicPartition lost = new TopicPartition("dossier.events", 1);
  private final TopicPartition done = new TopicPartition("dossier.events", 2);
  private final TopicPartition fresh = new TopicPartition("dossier.events", 3);
  private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

  @Test
  void aPartitionReadPastItsCommittedOffsetIsReadAgainFromIt() {
    consumer.assign(List.of(lost, done, fresh));
    consumer.updateBeginningOffsets(Map.of(lost, 0L, done, 0L, fresh, 0L));
    consumer.commitSync(Map.of(lost, new OffsetAndMetadata(90), done, new OffsetAndMetadata(40)));
    // two records of the first read, their commit lost; the second read and committed
    consumer.seek(lost, 92);
    consumer.seek(done, 40);
    consumer.seek(fresh, 7);

    Map<TopicPartition, Long> sought = ReadAgainWhenIdle.fromCommitted(consumer);

    assertThat(sought).containsExactly(Map.entry(lost, 90L));
    assertThat(consumer.position(lost)).isEqualTo(90);
    assertThat(consumer.position(done)).isEqualTo(40);
    assertThat(consumer.position(fresh)).as("nothing committed: left where it was").isEqualTo(7);
  }

  @Test
  void aPartitionLeftPausedIsResumedAndOneTheContainerPausedIsNot() {
    consumer.assign(List.of(lost, done, fresh));
    consumer.pause(List.of(lost, done));

    var resumed = ReadAgainWhenIdle.resumeUnrequested(consumer, done::equals);

    assertThat(resumed).containsExactly(lost);
    assertThat(consumer.paused()).containsExactly(done);
  }

  @Test
  void aConsumerWithNoPartitionAsksNothing() {
    assertThat(ReadAgainWhenIdle.fromCommitted(consumer)).isEmpty();
  }
}
