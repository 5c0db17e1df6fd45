package fr.passerelle.eventbus.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Subscribes every {@link EventConsumer} of the service: one listener container each, in its own
 * consumer group ({@code <application>.<consumer>}), so that each consumer keeps its own offsets. A
 * service may subscribe the same consumers again in other groups, reading from offset 0 (to rebuild
 * its read models beside the live ones), and delete those groups when done.
 */
public class EventConsumers implements SmartLifecycle {

  private final List<EventConsumer> consumers;
  private final ConcurrentKafkaListenerContainerFactory<String, String> factory;
  private final EventDelivery delivery;
  private final String application;
  private final KafkaAdmin admin;
  private final Subscription live;
  private volatile boolean running;

  public EventConsumers(
      List<EventConsumer> consumers,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventDelivery delivery,
      String application,
      KafkaAdmin admin) {
    this.consumers = List.copyOf(consumers);
    this.factory = factory;
    this.delivery = delivery;
    this.application = application;
    this.admin = admin;
    this.live = new Subscription("", Runnable::run, 1);
  }

  /** Wraps each delivery of a subscription, e.g. to direct its writes elsewhere. */
  @FunctionalInterface
  public interface DeliveryContext {
    void within(Runnable delivery);
  }

  /**
   * Subscribes every consumer again, in groups suffixed with {@code groupSuffix} (new groups read
   * from offset 0), each delivery running within {@code context}, with up to {@code threads}
   * threads per consumer (one partition is still read by one thread, in order). Started at once.
   */
  public Subscription subscribe(String groupSuffix, DeliveryContext context, int threads) {
    Subscription subscription = new Subscription("." + groupSuffix, context, threads);
    subscription.start();
    return subscription;
  }

  /** The consumer groups of the subscription made with {@code groupSuffix}. */
  public List<String> groups(String groupSuffix) {
    return consumers.stream()
        .map(consumer -> application + "." + consumer.name() + "." + groupSuffix)
        .toList();
  }

  /**
   * Deletes the consumer groups of the subscription made with {@code groupSuffix} (stopped, or
   * never started in this instance), so that no offsets of a finished subscription linger. Groups
   * that do not exist are fine; groups whose members are still leaving are tried again for a while.
   *
   * @throws IllegalStateException if a group still has members after {@code patience}
   */
  public void deleteGroups(String groupSuffix, Duration patience) {
    List<String> remaining = new ArrayList<>(groups(groupSuffix));
    Instant deadline = Instant.now().plus(patience);
    try (Admin client = Admin.create(admin.getConfigurationProperties())) {
      while (!remaining.isEmpty()) {
        var results = client.deleteConsumerGroups(remaining).deletedGroups();
        List<String> busy = new ArrayList<>();
        for (var result : results.entrySet()) {
          try {
            result.getValue().get();
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof GroupNotEmptyException) {
              busy.add(result.getKey());
            } else if (!(e.getCause() instanceof GroupIdNotFoundException)) {
              throw new IllegalStateException("Cannot delete group " + result.getKey(), e);
            }
          }
        }
        remaining = busy;
        if (!remaining.isEmpty()) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("Consumer groups still in use: " + remaining);
          }
          Thread.sleep(200);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The service's own subscription, in the groups {@code <application>.<consumer>}. */
  public Subscription live() {
    return live;
  }

  @Override
  public void start() {
    live.start();
    running = true;
  }

  @Override
  public void stop() {
    live.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static List<Integer> partitionsOf(Admin client, String topic)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    try {
      return client
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .stream()
          .map(p -> p.partition())
          .toList();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return List.of();
      }
      throw e;
    }
  }

  /** The containers of one set of consumer groups. */
  public final class Subscription {

    private final List<ConcurrentMessageListenerContainer<String, String>> containers =
        new ArrayList<>();
    private final Map<String, EventConsumer> groups = new HashMap<>();

    private Subscription(String groupSuffix, DeliveryContext context, int threads) {
      for (EventConsumer consumer : consumers) {
        String group = application + "." + consumer.name() + groupSuffix;
        var container = factory.createContainer(consumer.topics().toArray(String[]::new));
        container.getContainerProperties().setGroupId(group);
        container.setBeanName("eventbus-" + consumer.name() + groupSuffix);
        container.setConcurrency(threads);
        // the records of each poll are delivered together, and their offsets committed after
        container.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        container.setupMessageListener(
            (BatchMessageListener<String, String>)
                records -> context.within(() -> delivery.deliverBatch(consumer, records)));
        containers.add(container);
        groups.put(group, consumer);
      }
    }

    void start() {
      containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    public void stop() {
      containers.forEach(ConcurrentMessageListenerContainer::stop);
    }

    /**
     * How many records each group still has to read: the records published before this call that it
     * has not committed, summed over the groups ({@link #behind} the end offsets now). A group that
     * has committed nothing yet counts from offset 0; a topic that does not exist yet has nothing
     * to read.
     */
    public long lag() {
      return behind(ends());
    }

    /**
     * The end offsets now of every partition the subscription reads: a mark of what has been
     * published so far, for {@link #behind}.
     */
    public Map<TopicPartition, Long> ends() {
      try (Admin client = Admin.create(admin.getConfigurationProperties())) {
        Set<String> topics = new TreeSet<>();
        groups.values().forEach(consumer -> topics.addAll(consumer.topics()));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
          partitionsOf(client, topic)
              .forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        client.listOffsets(latest).all().get().forEach((tp, end) -> ends.put(tp, end.offset()));
        return Map.copyOf(ends);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("Cannot read the topics' end offsets", e);
      }
    }

    /**
     * How many of the records before {@code mark} (taken by {@link #ends}) the groups have still to
     * read, summed over the groups and their partitions, with their offsets committed now. Records
     * published after the mark do not count: a flow that never stops cannot keep this from reaching
     * zero, as long as the groups keep pace with it.
     */
    public long behind(Map<TopicPartition, Long> mark) {
      try (Admin client = Admin.create(admin.getConfigurationProperties())) {
        long behind = 0;
        for (var entry : groups.entrySet()) {
          Map<TopicPartition, OffsetAndMetadata> committed =
              client.listConsumerGroupOffsets(entry.getKey()).partitionsToOffsetAndMetadata().get();
          for (String topic : entry.getValue().topics()) {
            for (var end : mark.entrySet()) {
              if (end.getKey().topic().equals(topic)) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
              }
            }
          }
        }
        return behind;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("Cannot read the consumer groups' offsets", e);
      }
    }
  }
}
