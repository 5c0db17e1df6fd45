package fr.passerelle.eventbus.consume;

import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.eventbus.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * An integration event as read from Kafka: its CloudEvents attributes, its JSON data, and what the
 * record says beside them ({@link Context}).
 */
public record ReceivedEvent(
    String id,
    String type,
    String source,
    Instant time,
    String subject,
    String data,
    String topic,
    int partition,
    long offset,
    Context context) {

  /**
   * What the record carries beside the event, each part absent when unknown (an event taken back
   * from a dead letter, or published before the part existed).
   *
   * @param busTime when the bus took the record (its Kafka timestamp): for a consumer, the time the
   *     event reached the platform's bus, the same however many times the topic is read again
   * @param requestId the request that caused the event
   * @param actorSubject who acted: the token subject of the caller of that request
   * @param actorRoles the roles under which they acted
   */
  public record Context(
      Instant busTime, String requestId, String actorSubject, List<String> actorRoles) {

    public static final Context NONE = new Context(null, null, null, List.of());

    public Context {
      actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }
  }

  public ReceivedEvent {
    context = context == null ? Context.NONE : context;
  }

  /** An event known only by its CloudEvents attributes and data. */
  public ReceivedEvent(
      String id,
      String type,
      String source,
      Instant time,
      String subject,
      String data,
      String topic,
      int partition,
      long offset) {
    this(id, type, source, time, subject, data, topic, partition, offset, Context.NONE);
  }

  /**
   * Reads the CloudEvents headers of a record.
   *
   * @throws MalformedEventException when a required attribute is missing or unreadable
   */
  public static ReceivedEvent from(ConsumerRecord<String, String> record) {
    String id = required(record, CloudEventHeaders.ID);
    String type = required(record, CloudEventHeaders.TYPE);
    String source = required(record, CloudEventHeaders.SOURCE);
    String subject = required(record, CloudEventHeaders.SUBJECT);
    Instant time;
    try {
      time = Instant.parse(required(record, CloudEventHeaders.TIME));
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(record, "ce_time is not an ISO-8601 instant");
    }
    if (record.value() == null) {
      throw new MalformedEventException(record, "the record has no data");
    }
    return new ReceivedEvent(
        id,
        type,
        source,
        time,
        subject,
        record.value(),
        record.topic(),
        record.partition(),
        record.offset(),
        context(record));
  }

  private static Context context(ConsumerRecord<String, String> record) {
    Instant busTime =
        record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE || record.timestamp() < 0
            ? null
            : Instant.ofEpochMilli(record.timestamp());
    String roles = optional(record, CloudEventHeaders.ACTOR_ROLES, null);
    return new Context(
        busTime,
        optional(record, CloudEventHeaders.REQUEST_ID, null),
        optional(record, CloudEventHeaders.ACTOR_SUBJECT, null),
        roles == null ? List.of() : Arrays.stream(roles.split(",")).map(String::strip).toList());
  }

  /**
   * What can be read of a record that does not follow the bus contract, so that it can be
   * dead-lettered: missing attributes are replaced by the record's coordinates.
   */
  static ReceivedEvent lenient(ConsumerRecord<String, String> record) {
    String coordinates = record.topic() + "-" + record.partition() + "@" + record.offset();
    return new ReceivedEvent(
        optional(record, CloudEventHeaders.ID, coordinates),
        optional(record, CloudEventHeaders.TYPE, "unknown"),
        optional(record, CloudEventHeaders.SOURCE, "unknown"),
        Instant.ofEpochMilli(record.timestamp()),
        record.key() != null
            ? record.key()
            : optional(record, CloudEventHeaders.SUBJECT, coordinates),
        record.value() != null ? record.value() : "",
        record.topic(),
        record.partition(),
        record.offset());
  }

  /** The data as a record of the publisher's {@code *-events} module. */
  public <T> T dataAs(Class<T> eventType) {
    return EventJson.read(data, eventType);
  }

  private static String optional(
      ConsumerRecord<String, String> record, String name, String fallback) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null || header.value().length == 0
        ? fallback
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String required(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null || header.value() == null || header.value().length == 0) {
      throw new MalformedEventException(record, "missing header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
