package fr.passerelle.eventbus.consume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One consumer of integration events: a name (its Kafka consumer group suffix and its key in the
 * inbox and dead letters), the topics it reads and a typed handler per event type it cares about.
 * Declare it as a bean; the event bus subscribes it, applies each event once in a database
 * transaction with the inbox, retries failures, dead-letters an event that keeps failing and parks
 * the later events of the same dossier behind it.
 *
 * <pre>{@code
 * @Bean
 * EventConsumer submittedDossiers(SubmittedDossiersProjection projection) {
 *   return EventConsumer.named("submitted-dossiers")
 *       .topics(DossierEvents.TOPIC)
 *       .on(DossierSubmitted.TYPE, DossierSubmitted.class, projection::on)
 *       .build();
 * }
 * }</pre>
 *
 * Handlers run inside the inbox transaction: they must write through the service's data source
 * (JDBC, or an Axon command whose unit of work joins the transaction).
 */
public final class EventConsumer {

  private final String name;
  private final List<String> topics;
  private final Map<String, Consumer<ReceivedEvent>> handlers;

  private EventConsumer(
      String name, List<String> topics, Map<String, Consumer<ReceivedEvent>> handlers) {
    this.name = name;
    this.topics = topics;
    this.handlers = handlers;
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public List<String> topics() {
    return topics;
  }

  public Set<String> types() {
    return handlers.keySet();
  }

  boolean handles(ReceivedEvent event) {
    return handlers.containsKey(event.type());
  }

  void apply(ReceivedEvent event) {
    handlers.get(event.type()).accept(event);
  }

  public static final class Builder {

    private final String name;
    private List<String> topics = List.of();
    private final Map<String, Consumer<ReceivedEvent>> handlers = new LinkedHashMap<>();

    private Builder(String name) {
      if (name == null || !name.matches("[a-z][a-z0-9-]{0,80}")) {
        throw new IllegalArgumentException("A consumer name is lower-case kebab case: " + name);
      }
      this.name = name;
    }

    public Builder topics(String... topics) {
      this.topics = List.of(topics);
      return this;
    }

    /** Handles events of {@code type}, read as records of {@code dataType}. */
    public <T> Builder on(String type, Class<T> dataType, Consumer<T> handler) {
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(type, event -> handler.accept(event.dataAs(dataType))) != null) {
        throw new IllegalArgumentException("Two handlers for " + type + " in " + name);
      }
      return this;
    }

    public EventConsumer build() {
      if (topics.isEmpty() || handlers.isEmpty()) {
        throw new IllegalStateException(name + " needs at least one topic and one handler");
      }
      return new EventConsumer(name, topics, Map.copyOf(handlers));
    }
  }
}
