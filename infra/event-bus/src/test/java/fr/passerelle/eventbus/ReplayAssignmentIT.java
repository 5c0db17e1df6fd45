package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TestEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * A replay (a rebuild's subscription) is given its topic's partitions, shared among its threads,
 * instead of joining its consumer group: it reads at once, with no rebalance as its threads start
 * one after the other, and commits its offsets to its group all the same, where its progress is
 * read (ADR 58).
 */
@SpringBootTest(
    classes = TestApplication.class,
    properties = "spring.application.name=" + ReplayAssignmentIT.APPLICATION)
@ContextConfiguration(initializers = PasserelleInfrastructureInitializer.class)
class ReplayAssignmentIT {

  static final String APPLICATION = "eventbus-replay-assignment";

  @Autowired EventConsumers consumers;
  @Autowired KafkaAdmin kafkaAdmin;

  @Test
  void aReplayReadsEveryPartitionWithoutJoiningItsGroupAndCommitsToIt() throws Exception {
    TestEvents.ensureTopic(TestApplication.TOPIC, 3);
    for (int i = 0; i < 12; i++) {
      TestApplication.send(UUID.randomUUID().toString(), "replayed");
    }
    String suffix = "assigned-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> groups = consumers.groups(suffix);
    AtomicInteger deliveries = new AtomicInteger();
    EventConsumers.Subscription subscription =
        consumers.subscribe(
            suffix,
            delivery -> {
              deliveries.incrementAndGet();
              delivery.run();
            },
            3);
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> subscription.lag() == 0);
      assertThat(deliveries.get()).as("polls delivered").isPositive();
      // read while its threads run: a group they had joined would list them as its members
      for (ConsumerGroupDescription group :
          admin.describeConsumerGroups(groups).all().get().values()) {
        assertThat(group.members()).as("members of %s", group.groupId()).isEmpty();
        assertThat(
                admin
                    .listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get())
            .as("offsets committed to %s", group.groupId())
            .isNotEmpty();
      }
    } finally {
      subscription.stop();
      consumers.deleteGroups(suffix, Duration.ofSeconds(30));
    }
  }
}
