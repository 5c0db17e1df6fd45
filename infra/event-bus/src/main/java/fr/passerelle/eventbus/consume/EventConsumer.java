package fr.passerelle.eventbus.consume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
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
 *
 * <p>A handler that also needs what the record says beside the data (the event's id and time, who
 * caused it) is declared with {@link Builder#onReceived}; a consumer that keeps every event, of any
 * type, with {@link Builder#onEveryType}.
 */
public final class EventConsumer {

  private final String name;
  private final List<String> topics;
  private final Map<String, Consumer<ReceivedEvent>> handlers;
  private final Consumer<ReceivedEvent> everyType;
  private final boolean liveOnly;
  private final boolean readModel;

  private EventConsumer(
      String name,
      List<String> topics,
      Map<String, Consumer<ReceivedEvent>> handlers,
      Consumer<ReceivedEvent> everyType,
      boolean liveOnly,
      boolean readModel) {
    this.name = name;
    this.topics = topics;
    this.handlers = handlers;
    this.everyType = everyType;
    this.liveOnly = liveOnly;
    this.readModel = readModel;
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

  /** Read by the service's live subscription only: see {@link Builder#liveOnly}. */
  public boolean liveOnly() {
    return liveOnly;
  }

  /**
   * Writes a read model, whose transactions do not wait for the disk: see {@link
   * Builder#readModel}.
   */
  public boolean readModel() {
    return readModel;
  }

  boolean handles(String type) {
    return everyType != null || handlers.containsKey(type);
  }

  void apply(ReceivedEvent event) {
    handlers.getOrDefault(event.type(), everyType).accept(event);
  }

  public static final class Builder {

    private final String name;
    private List<String> topics = List.of();
    private final Map<String, Consumer<ReceivedEvent>> handlers = new LinkedHashMap<>();
    private Consumer<ReceivedEvent> everyType;
    private boolean liveOnly;
    private boolean readModel;

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
      return handle(type, event -> handler.accept(event.dataAs(dataType)));
    }

    /**
     * Handles events of {@code type}, read as records of {@code dataType}, with the event as
     * received (its id, recording time, bus time, request and actor).
     */
    public <T> Builder onReceived(
        String type, Class<T> dataType, BiConsumer<T, ReceivedEvent> handler) {
      Objects.requireNonNull(handler, "handler");
      return handle(type, event -> handler.accept(event.dataAs(dataType), event));
    }

    /**
     * Handles the events of every type the other handlers do not name, including types published
     * after this consumer was written.
     */
    public Builder onEveryType(Consumer<ReceivedEvent> handler) {
      this.everyType = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Reads the topics in the service's live subscription only, never in another one (a read
     * models' rebuild, {@link EventConsumers#subscribe}): for a consumer whose writes are kept
     * beside what is rebuilt, such as a permanent ledger, which reading every record again would
     * only check.
     */
    public Builder liveOnly() {
      this.liveOnly = true;
      return this;
    }

    /**
     * Writes nothing but a read model, which the bus can write again: its transactions commit
     * without waiting for the disk to flush them (PostgreSQL's asynchronous commit), so that what
     * it applies is read at once, even while the disk is slow; and its group commits its offsets
     * only once those transactions are on disk ({@link DurableOffsets}). A database crash may lose
     * its last transactions, never their events: their offsets were not committed, and they are
     * read again. Not for a consumer whose writes cause other effects (commands, events, anything
     * published).
     */
    public Builder readModel() {
      this.readModel = true;
      return this;
    }

    private Builder handle(String type, Consumer<ReceivedEvent> handler) {
      if (handlers.putIfAbsent(type, handler) != null) {
        throw new IllegalArgumentException("Two handlers for " + type + " in " + name);
      }
      return this;
    }

    public EventConsumer build() {
      if (topics.isEmpty() || (handlers.isEmpty() && everyType == null)) {
        throw new IllegalStateException(name + " needs at least one topic and one handler");
      }
      return new EventConsumer(name, topics, Map.copyOf(handlers), everyType, liveOnly, readModel);
    }
  }
}
