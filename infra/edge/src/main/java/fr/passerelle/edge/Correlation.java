package fr.passerelle.edge;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * What ties together the log lines of one user request across the gateway, the services and the
 * event consumers: a request id ({@code X-Request-Id}). It lives in the logging context (MDC) while
 * a request or an event is handled, in the metadata of the commands and events it causes, and in
 * the headers of the Kafka records published from them; the access log and the history of a dossier
 * name it. The trace (which spans make one request, ADR 43) is Micrometer Tracing's: it puts {@code
 * traceId} and {@code spanId} in the logging context itself, and the trace context travels beside
 * the request id under {@link #TRACEPARENT}.
 */
public final class Correlation {

  /** HTTP header and Kafka record header of the request id. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /**
   * W3C trace context: the HTTP and Kafka header, and the key under which commands and events carry
   * the context of the span that caused them.
   */
  public static final String TRACEPARENT = "traceparent";

  /** Logging context and message metadata key of the request id. */
  public static final String REQUEST_ID = "requestId";

  /**
   * Message metadata keys of who acted: the token subject and the roles (comma-separated) of the
   * caller whose request sent the command. Absent from what the platform does by itself.
   */
  public static final String ACTOR_SUBJECT = "actorSubject";

  public static final String ACTOR_ROLES = "actorRoles";

  private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  private Correlation() {}

  /** {@code requestId} if well formed, else a new one: a client cannot inject log lines. */
  public static String requestId(String requestId) {
    return requestId != null && WELL_FORMED_ID.matcher(requestId).matches()
        ? requestId
        : UUID.randomUUID().toString();
  }

  /** Puts the request id into the logging context of the current thread. */
  public static void enter(String requestId) {
    MDC.put(REQUEST_ID, requestId);
  }

  public static void leave() {
    MDC.remove(REQUEST_ID);
  }

  /** The current thread's request id, as message metadata (empty outside a request or event). */
  public static Map<String, String> current() {
    Map<String, String> current = new HashMap<>();
    String requestId = MDC.get(REQUEST_ID);
    if (requestId != null) {
      current.put(REQUEST_ID, requestId);
    }
    return current;
  }
}
