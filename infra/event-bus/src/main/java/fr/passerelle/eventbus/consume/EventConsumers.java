package fr.passerelle.eventbus.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.event.ConsumerStartedEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Subscribes every {@link EventConsumer} of the service: one listener container each, in its own
 * consumer group ({@code <application>.<consumer>}), so that each consumer keeps its own offsets. A
 * service may subscribe the same consumers again in other groups, reading from offset 0 (to rebuild
 * its read models beside the live ones), and delete those groups when done.
 *
 * <p>Every container is watched: one whose consumers stop on their own (an {@link Error} such as
 * running out of memory, a fenced or unauthorised consumer: any reason but a normal stop) makes the
 * service not ready, naming its group ({@link ConsumerAvailability}), and is started again after a
 * back-off, on a scheduler of its own. A subscription stopped on purpose (the service stopping, a
 * rebuild switching over or dropped) is never started again.
 */
public class EventConsumers implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

  /**
   * How long a consumer reads nothing before it checks that its group committed everything it read
   * ({@link ReadAgainWhenIdle}): one request to the group's coordinator each time, while idle.
   */
  static final Duration IDLE_CHECK = Duration.ofSeconds(15);

  /** How long a replay's subscription waits for its topics' partitions before it subscribes. */
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  /**
   * How long a read model's consumer waits in a poll for records: the offsets acknowledged once on
   * disk ({@link DurableOffsets}), on another thread, are committed after it (Spring Kafka's
   * default is 5 s). Its fetches wait on the broker as before ({@code fetch.max.wait.ms}, 500 ms).
   */
  static final Duration DURABLE_COMMIT_POLL = Duration.ofMillis(250);

  /** How often the consumers of a group read by several threads tell its coordinator they live. */
  static final Duration JOINING_HEARTBEAT = Duration.ofMillis(250);

  private final List<EventConsumer> consumers;
  private final ConcurrentKafkaListenerContainerFactory<String, String> factory;
  private final EventDelivery delivery;
  private final EventDelivery replay;
  private final String application;
  private final KafkaAdmin admin;
  private final ConsumerAvailability availability;
  private final DurableOffsets durableOffsets;
  private final Duration restartBackoff;
  private final ScheduledExecutorService restarts =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "eventbus-consumer-restart");
            thread.setDaemon(true);
            return thread;
          });
  private final Subscription live;
  private volatile boolean running;

  /**
   * @param availability where a group stopped on its own is reported, until it runs again
   * @param durableOffsets where the offsets of a read model's records wait for the disk
   * @param restartBackoff how long a container stopped on its own waits before it is started again
   */
  public EventConsumers(
      List<EventConsumer> consumers,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventDelivery delivery,
      String application,
      KafkaAdmin admin,
      ConsumerAvailability availability,
      DurableOffsets durableOffsets,
      Duration restartBackoff) {
    this.consumers = List.copyOf(consumers);
    this.factory = factory;
    this.delivery = delivery;
    this.replay = delivery.untraced();
    this.application = application;
    this.admin = admin;
    this.availability = availability;
    this.durableOffsets = durableOffsets;
    this.restartBackoff = restartBackoff;
    this.live = new Subscription("", Runnable::run, 1);
  }

  /** Wraps each delivery of a subscription, e.g. to direct its writes elsewhere. */
  @FunctionalInterface
  public interface DeliveryContext {
    void within(Runnable delivery);
  }

  /**
   * Subscribes every consumer again but those {@link EventConsumer.Builder#liveOnly live only}, in
   * a group per topic suffixed with {@code groupSuffix} (new groups read from offset 0) whose polls
   * go to each consumer of the topic in turn, each delivery running within {@code context}, with up
   * to {@code threads} threads per group (one partition is still read by one thread, in order),
   * without spans ({@link EventDelivery#untraced}): it replays history. Its threads are given the
   * topic's partitions rather than joining the group: one instance at a time may run a subscription
   * with a given suffix (reporting-service's rebuild holds a lease). Started at once.
   */
  public Subscription subscribe(String groupSuffix, DeliveryContext context, int threads) {
    Subscription subscription = new Subscription("." + groupSuffix, context, threads);
    subscription.start();
    return subscription;
  }

  /** The consumer groups of the subscription made with {@code groupSuffix}. */
  public List<String> groups(String groupSuffix) {
    return List.copyOf(readers("." + groupSuffix).keySet());
  }

  /**
   * The consumer groups of a subscription, each with the topics it reads and the consumers its
   * records go to. The live subscription has a group per consumer ({@code
   * <application>.<consumer>}), so that each keeps its own offsets. Another replays history: it has
   * a group per topic ({@code <application>.<topic>.<suffix>}), each of whose polls goes to every
   * consumer of the topic in turn, so that each record is fetched and parsed once however many
   * consumers read it (three to five consumers read each of reporting-service's topics, ADR 55).
   */
  private Map<String, Readers> readers(String groupSuffix) {
    Map<String, Readers> readers = new TreeMap<>();
    if (groupSuffix.isEmpty()) {
      for (EventConsumer consumer : consumers) {
        readers.put(
            application + "." + consumer.name(), new Readers(consumer.topics(), List.of(consumer)));
      }
      return readers;
    }
    Map<String, List<EventConsumer>> byTopic = new TreeMap<>();
    for (EventConsumer consumer : consumers) {
      if (!consumer.liveOnly()) {
        consumer
            .topics()
            .forEach(t -> byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(consumer));
      }
    }
    byTopic.forEach(
        (topic, its) ->
            readers.put(
                application + "." + topic + groupSuffix,
                new Readers(List.of(topic), List.copyOf(its))));
    return readers;
  }

  /** The topics a consumer group reads and the consumers its records go to, in this order. */
  private record Readers(List<String> topics, List<EventConsumer> consumers) {}

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

  /** No container is started again once the service is closing. */
  @Override
  public void destroy() {
    restarts.shutdownNow();
  }

  /**
   * The partitions of each of {@code topics}, in one request to the broker; none for a topic that
   * does not exist (yet).
   */
  private static Map<String, List<Integer>> partitionsOf(
      Admin client, Collection<String> topics, DescribeTopicsOptions options)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    Map<String, List<Integer>> partitions = new LinkedHashMap<>();
    var described = client.describeTopics(topics, options).topicNameValues();
    for (String topic : topics) {
      try {
        partitions.put(
            topic,
            described.get(topic).get().partitions().stream()
                .map(TopicPartitionInfo::partition)
                .toList());
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        partitions.put(topic, List.of());
      }
    }
    return partitions;
  }

  /** The containers of one set of consumer groups. */
  public final class Subscription {

    private final List<WatchedContainer> containers = new ArrayList<>();
    private final Map<String, Readers> groups;

    /** Stopped on purpose: none of its containers is started again. */
    private volatile boolean stopped;

    /**
     * The admin client its progress is read with, opened at the first reading and kept until the
     * subscription stops: a rebuild reads its progress four times a second, and every 200 ms while
     * it switches over, and each new client signs in to the broker again (a SCRAM exchange of
     * thousands of HMAC-SHA-512 rounds on both sides; signing in was 10 to 13 % of
     * reporting-service's CPU in benchmark runs with a rebuild, these readings among them).
     */
    private Admin progressClient;

    private Subscription(String groupSuffix, DeliveryContext context, int threads) {
      // another subscription replays history: its records are delivered without spans
      EventDelivery delivery =
          groupSuffix.isEmpty() ? EventConsumers.this.delivery : EventConsumers.this.replay;
      groups = readers(groupSuffix);
      for (var entry : groups.entrySet()) {
        String group = entry.getKey();
        List<EventConsumer> consumersOfGroup = entry.getValue().consumers();
        List<String> topics = entry.getValue().topics();
        List<TopicPartitionOffset> assigned =
            groupSuffix.isEmpty() ? List.of() : partitions(group, topics);
        var container =
            assigned.isEmpty()
                ? factory.createContainer(topics.toArray(String[]::new))
                : factory.createContainer(assigned.toArray(TopicPartitionOffset[]::new));
        container.getContainerProperties().setGroupId(group);
        container.setBeanName("eventbus-" + group.substring(application.length() + 1));
        container.setConcurrency(threads);
        if (threads > 1 && assigned.isEmpty()) {
          // a group joined by several threads (a replay that could not be given its partitions):
          // its consumers start one after the other: one that joins after the others have
          // formed the group makes it rebalance, which they learn at their next heartbeat (every
          // 3 s by default), reading meanwhile with the partitions they were first given
          Properties heartbeat = new Properties();
          heartbeat.setProperty(
              ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
              String.valueOf(JOINING_HEARTBEAT.toMillis()));
          container.getContainerProperties().setKafkaConsumerProperties(heartbeat);
        }
        // the records of each poll are delivered together, and their offsets committed after,
        // once on disk when a read model applied them (DurableOffsets)
        container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        container.getContainerProperties().setConsumerRebalanceListener(new FromCommittedOffsets());
        // an idle consumer reads again what it read without committing (ReadAgainWhenIdle)
        container.getContainerProperties().setIdleEventInterval(IDLE_CHECK.toMillis());
        boolean readModel = consumersOfGroup.stream().anyMatch(EventConsumer::readModel);
        if (readModel) {
          // offsets acknowledged on the flushing thread are committed between two polls
          container.getContainerProperties().setPollTimeout(DURABLE_COMMIT_POLL.toMillis());
        }
        container.setupMessageListener(
            (BatchAcknowledgingMessageListener<String, String>)
                (records, acknowledgment) -> {
                  consumersOfGroup.forEach(
                      reader -> context.within(() -> delivery.deliverBatch(reader, records)));
                  if (readModel) {
                    durableOffsets.afterFlush(acknowledgment::acknowledge);
                  } else {
                    acknowledgment.acknowledge();
                  }
                });
        containers.add(new WatchedContainer(group, container, this));
      }
    }

    /**
     * Every partition of a replay's topics, for its consumers to be given (Kafka's manual
     * assignment) instead of joining their group: one instance runs a rebuild (its lease), so
     * nobody shares them, and its consumers read at once, without the group's rebalances as they
     * join one after the other (about 0.6 s of a rebuild of 4 s, ADR 58). They read from the
     * group's committed offsets, from the first record when it has none, and commit to it as
     * before. Empty when a topic has no partitions yet or the broker does not answer: the group is
     * then subscribed, and reads a topic created later.
     */
    private List<TopicPartitionOffset> partitions(String group, List<String> topics) {
      try {
        var within = new DescribeTopicsOptions().timeoutMs((int) PATIENCE.toMillis());
        List<TopicPartitionOffset> partitions = new ArrayList<>();
        for (var topic : partitionsOf(progressClient(), topics, within).entrySet()) {
          if (topic.getValue().isEmpty()) {
            return subscribed(group, topic.getKey() + " has no partitions yet");
          }
          topic
              .getValue()
              .forEach(n -> partitions.add(new TopicPartitionOffset(topic.getKey(), n)));
        }
        return partitions;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
        return subscribed(group, e.getCause() != null ? e.getCause().toString() : e.toString());
      }
    }

    private List<TopicPartitionOffset> subscribed(String group, String why) {
      log.warn("Consumer group {} subscribed: its topics' partitions are unknown ({})", group, why);
      return List.of();
    }

    void start() {
      stopped = false;
      containers.forEach(WatchedContainer::start);
    }

    /**
     * Stops its containers, on purpose: none is started again, not even one that had stopped on its
     * own and was waiting to be, and none of its groups keeps the service from being ready.
     */
    public void stop() {
      stopped = true;
      containers.forEach(WatchedContainer::stop);
      closeProgressClient();
    }

    /** The kept admin client, opened at the first reading; none once the subscription stopped. */
    private synchronized Admin progressClient() {
      if (stopped) {
        throw new IllegalStateException("The subscription is stopped: its progress is not read");
      }
      if (progressClient == null) {
        progressClient = Admin.create(admin.getConfigurationProperties());
      }
      return progressClient;
    }

    private synchronized void closeProgressClient() {
      if (progressClient != null) {
        progressClient.close(Duration.ofSeconds(5));
        progressClient = null;
      }
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
      try {
        Admin client = progressClient();
        Set<String> topics = new TreeSet<>();
        groups.values().forEach(group -> topics.addAll(group.topics()));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitionsOf(client, topics, new DescribeTopicsOptions())
            .forEach(
                (topic, numbers) ->
                    numbers.forEach(
                        p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest())));
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
      try {
        Admin client = progressClient();
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

  /**
   * The listener container of one consumer group, watched through the events it publishes. When its
   * consumers stop for any reason but a normal stop (Spring Kafka's {@link
   * ConsumerStoppedEvent.Reason}: {@code ERROR} for an {@link Error} such as {@link
   * OutOfMemoryError}, {@code FENCED}, {@code AUTH}, {@code NO_OFFSET}, {@code ABNORMAL}), the
   * group is reported stopped and the container started again after the back-off; it is reported
   * running again once one of its consumers has started. The records it had not committed are read
   * again; the inbox recognises those already applied. A consumer idle for {@link #IDLE_CHECK}
   * reads again whatever it read without its group committing it ({@link ReadAgainWhenIdle}).
   */
  private final class WatchedContainer {

    private final String group;
    private final ConcurrentMessageListenerContainer<String, String> container;
    private final Subscription subscription;

    /** The start to come after a stop on its own, its time and why; guarded by this. */
    private ScheduledFuture<?> restart;

    private Instant restartAt;
    private String reason;

    WatchedContainer(
        String group,
        ConcurrentMessageListenerContainer<String, String> container,
        Subscription subscription) {
      this.group = group;
      this.container = container;
      this.subscription = subscription;
      // the container and its consumers publish their events here first, then to the context
      ApplicationEventPublisher context = container.getApplicationEventPublisher();
      container.setApplicationEventPublisher(
          event -> {
            watch(event);
            if (context != null) {
              context.publishEvent(event);
            }
          });
    }

    void start() {
      container.start();
    }

    void stop() {
      synchronized (this) {
        if (restart != null) {
          restart.cancel(false);
          restart = null;
        }
      }
      container.stop();
      availability.cleared(group);
    }

    private void watch(Object event) {
      try {
        if (event instanceof ConsumerStoppedEvent stopped
            && stopped.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
          stoppedOnItsOwn(stopped);
        } else if (event instanceof ConsumerStartedEvent) {
          started();
        } else if (event instanceof ListenerContainerIdleEvent idle
            && !idle.isPaused()
            && !container.isPauseRequested()) {
          // published by the consumer's own thread, between two polls
          readAgain(idle.getConsumer());
        }
      } catch (RuntimeException e) {
        log.error("Consumer group {}: an event of its container was not handled", group, e);
      }
    }

    /** See {@link ReadAgainWhenIdle}. */
    private void readAgain(Consumer<?, ?> consumer) {
      var sought = ReadAgainWhenIdle.fromCommitted(consumer);
      if (!sought.isEmpty()) {
        log.warn(
            "Consumer group {} had read past its committed offsets without committing (a commit"
                + " lost in a rebalance); reading again from {}",
            group,
            sought);
      }
      var resumed =
          ReadAgainWhenIdle.resumeUnrequested(consumer, container::isPartitionPauseRequested);
      if (!resumed.isEmpty()) {
        log.warn(
            "Consumer group {} held partitions paused that nobody had asked to pause; resumed {}",
            group,
            resumed);
      }
    }

    private synchronized void stoppedOnItsOwn(ConsumerStoppedEvent event) {
      if (subscription.stopped) {
        return;
      }
      if (container.isRunning() && !container.getContainers().contains(event.getSource())) {
        // a consumer of the container's previous run, stopping late: the new ones run
        return;
      }
      String why = event.getReason().name();
      if (restart != null) {
        // its other consumers stop with it (ABNORMAL), perhaps before the one that failed: the
        // failure's own reason is the one reported
        if (event.getReason() != ConsumerStoppedEvent.Reason.ABNORMAL
            && "ABNORMAL".equals(reason)) {
          reason = why;
          availability.stopped(group, why, restartAt);
        }
        return;
      }
      reason = why;
      scheduleRestart();
      log.error(
          "Consumer group {} stopped ({}): the service is not ready until it reads again; it is"
              + " started again in {}",
          group,
          why,
          restartBackoff);
    }

    /** Reports the group stopped until the restart, then schedules it. */
    private void scheduleRestart() {
      restartAt = Instant.now().plus(restartBackoff);
      availability.stopped(group, reason, restartAt);
      restart = restarts.schedule(this::restart, restartBackoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
      if (restart == null || subscription.stopped) {
        return;
      }
      restart = null;
      try {
        if (container.isRunning()) {
          // some of its consumers stopped and the others read on: all start afresh
          container.stop();
        }
        container.start();
        log.info("Consumer group {} started again", group);
      } catch (RuntimeException e) {
        log.error(
            "Consumer group {} could not be started again; next attempt in {}: {}",
            group,
            restartBackoff,
            e.toString());
        scheduleRestart();
      }
    }

    private synchronized void started() {
      if (restart == null) {
        availability.cleared(group);
      }
    }
  }
}
