package fr.passerelle.reporting.audit;

import fr.passerelle.contract.EventContract;
import fr.passerelle.eventbus.CloudEventHeaders;
import fr.passerelle.testsupport.TestEvents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events as their services publish them, for the ledger's tests: a producer's golden sample with
 * the facts a test sets, checked against the producer's schema, sent with the envelope a test gives
 * (its source, recording time, request and actor).
 */
final class PublishedEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PublishedEvents() {}

  /** One event, ready to send. */
  record Published(
      String topic, String type, String dossierId, String json, Map<String, String> envelope) {

    /** Sends it under a new event id, which is returned. */
    String send() {
      String eventId = UUID.randomUUID().toString();
      TestEvents.send(topic, eventId, type, dossierId, json, envelope);
      return eventId;
    }

    /** The same event, recorded at {@code instant}. */
    Published recordedAt(Instant instant) {
      return with(CloudEventHeaders.TIME, instant.toString());
    }

    /**
     * The same event, caused by {@code subject} acting as {@code roles} in request {@code
     * requestId}.
     */
    Published by(String subject, String roles, String requestId) {
      return with(CloudEventHeaders.ACTOR_SUBJECT, subject)
          .with(CloudEventHeaders.ACTOR_ROLES, roles)
          .with(CloudEventHeaders.REQUEST_ID, requestId);
    }

    private Published with(String header, String value) {
      Map<String, String> headers = new HashMap<>(envelope);
      headers.put(header, value);
      return new Published(topic, type, dossierId, json, headers);
    }
  }

  /**
   * The golden sample of {@code type}, for {@code dossierId} in {@code departmentCode}, with {@code
   * facts} set, published by {@code service} on {@code topic}.
   */
  static Published event(
      String topic,
      String service,
      String type,
      String dossierId,
      String departmentCode,
      Map<String, Object> facts) {
    EventContract contract = EventContract.of(type);
    ObjectNode data = (ObjectNode) JSON.readTree(contract.goldenSample());
    data.put("dossierId", dossierId);
    data.put("departmentCode", departmentCode);
    facts.forEach((name, value) -> data.set(name, JSON.valueToTree(value)));
    String json = JSON.writeValueAsString(data);
    contract.assertValid(json);
    return new Published(
        topic, type, dossierId, json, Map.of("ce_source", "/passerelle/" + service));
  }
}
