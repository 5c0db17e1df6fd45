package fr.passerelle.eventbus;

/**
 * The CloudEvents 1.0 attributes of an integration event, carried as Kafka headers (binary mode).
 * The record value is the event's JSON data; the record key is the dossier id, which is also the
 * {@code ce_subject}.
 */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String CONTENT_TYPE = "content-type";

  /** The request that caused the event (not CloudEvents: the platform's correlation). */
  public static final String REQUEST_ID = "x-request-id";

  /**
   * Who caused the event: the token subject of the caller whose request caused it (not CloudEvents;
   * absent for what the platform did by itself). A member of staff, never the person a dossier is
   * about.
   */
  public static final String ACTOR_SUBJECT = "x-actor-subject";

  /** The roles under which that caller acted, comma-separated (those the route allowed). */
  public static final String ACTOR_ROLES = "x-actor-roles";

  /**
   * W3C trace context of the span that published the event, in the request's trace (CloudEvents
   * distributed-tracing extension); written and read by the tracer's propagator (ADR 43).
   */
  public static final String TRACEPARENT = "traceparent";

  public static final String SPEC_VERSION_1_0 = "1.0";
  public static final String JSON = "application/json";

  private CloudEventHeaders() {}
}
