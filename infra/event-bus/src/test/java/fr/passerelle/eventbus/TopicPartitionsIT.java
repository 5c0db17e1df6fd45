package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A service whose topic exists with another partition count than its configuration refuses to start
 * and leaves the topic as it is: raising the count would move dossiers to other partitions.
 */
class TopicPartitionsIT {

  @Test
  void aServiceRefusesToStartWhenItsTopicHasAnotherPartitionCount() {
    String topic = "partition-check.events";
    TestEvents.ensureTopic(topic, 2);

    assertThatThrownBy(() -> start(topic, 3).close())
        .rootCause()
        .hasMessageContaining("Topic partition-check.events has 2 partitions")
        .hasMessageContaining("configured for 3");

    assertThat(Topics.describe(topic).partitions()).isEqualTo(2);
  }

  @Test
  void aServiceCreatesItsMissingTopicAndStartsAgainOnIt() {
    String topic = "partition-created.events";

    start(topic, 4).close();
    start(topic, 4).close();

    assertThat(Topics.describe(topic).partitions()).isEqualTo(4);
    assertThat(Topics.describe(topic).retentionMs()).isEqualTo("-1");
  }

  private static org.springframework.context.ConfigurableApplicationContext start(
      String topic, int partitions) {
    TestInfrastructure.get();
    return new SpringApplicationBuilder(TestApplication.class)
        .initializers(new PasserelleInfrastructureInitializer())
        .run(
            "--spring.application.name=eventbus-partitions",
            "--server.port=0",
            "--passerelle.event-bus.outbox.topic=" + topic,
            "--passerelle.event-bus.outbox.partitions=" + partitions);
  }
}
