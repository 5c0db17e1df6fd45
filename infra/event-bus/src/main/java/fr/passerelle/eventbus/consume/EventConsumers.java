package fr.passerelle.eventbus.consume;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Subscribes every {@link EventConsumer} of the service: one listener container each, in its own
 * consumer group ({@code <application>.<consumer>}), so that each consumer keeps its own offsets
 * and can be rebuilt on its own.
 */
public class EventConsumers implements SmartLifecycle {

  private final List<ConcurrentMessageListenerContainer<String, String>> containers =
      new ArrayList<>();
  private volatile boolean running;

  public EventConsumers(
      List<EventConsumer> consumers,
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventDelivery delivery,
      String application) {
    for (EventConsumer consumer : consumers) {
      var container = factory.createContainer(consumer.topics().toArray(String[]::new));
      container.getContainerProperties().setGroupId(application + "." + consumer.name());
      container.setBeanName("eventbus-" + consumer.name());
      container.setupMessageListener(
          (MessageListener<String, String>) record -> delivery.deliver(consumer, record));
      containers.add(container);
    }
  }

  @Override
  public void start() {
    containers.forEach(ConcurrentMessageListenerContainer::start);
    running = true;
  }

  @Override
  public void stop() {
    containers.forEach(ConcurrentMessageListenerContainer::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
