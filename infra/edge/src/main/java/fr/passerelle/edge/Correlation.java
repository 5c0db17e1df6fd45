package fr.passerelle.edge;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * What ties together the log lines of one user request across the gateway, the services and the
 * event consumers: a request id ({@code X-Request-Id}) and the W3C trace context ({@code
 * traceparent}). Both live in the logging context (MDC) while a request or an event is handled, in
 * the metadata of the commands and events it causes, and in the headers of the Kafka records
 * published from them.
 */
public final class Correlation {

  /** HTTP header and Kafka record header of the request id. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** W3C trace context header, in HTTP and Kafka alike. */
  public static final String TRACEPARENT = "traceparent";

  /** Logging context and message metadata keys. */
  public static final String REQUEST_ID = "requestId";

  public static final String TRACE_ID = "traceId";

  /**
   * Message metadata keys of who acted: the token subject and the roles (comma-separated) of the
   * caller whose request sent the command. Absent from what the platform does by itself.
   */
  public static final String ACTOR_SUBJECT = "actorSubject";

  public static final String ACTOR_ROLES = "actorRoles";

  private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
  private static final Pattern TRACE_CONTEXT =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Correlation() {}

  /** {@code requestId} if well formed, else a new one: a client cannot inject log lines. */
  public static String requestId(String requestId) {
    return requestId != null && WELL_FORMED_ID.matcher(requestId).matches()
        ? requestId
        : UUID.randomUUID().toString();
  }

  /** {@code traceparent} if well formed (W3C, non-zero ids), else the start of a new trace. */
  public static String traceparent(String traceparent) {
    if (traceparent != null && TRACE_CONTEXT.matcher(traceparent).matches()) {
      return traceparent;
    }
    return newTraceparent();
  }

  /** The start of a new trace: random, non-zero trace and span ids, sampled. */
  public static String newTraceparent() {
    String traceparent;
    do {
      traceparent = "00-" + hex(16) + "-" + hex(8) + "-01";
    } while (!TRACE_CONTEXT.matcher(traceparent).matches());
    return traceparent;
  }

  /** Puts both into the logging context of the current thread. */
  public static void enter(String requestId, String traceparent) {
    MDC.put(REQUEST_ID, requestId);
    MDC.put(TRACEPARENT, traceparent);
    MDC.put(TRACE_ID, traceparent.substring(3, 35));
  }

  public static void leave() {
    MDC.remove(REQUEST_ID);
    MDC.remove(TRACEPARENT);
    MDC.remove(TRACE_ID);
  }

  /** The current thread's correlation, as message metadata (empty outside a request or event). */
  public static Map<String, String> current() {
    Map<String, String> current = new HashMap<>();
    String requestId = MDC.get(REQUEST_ID);
    String traceparent = MDC.get(TRACEPARENT);
    if (requestId != null) {
      current.put(REQUEST_ID, requestId);
    }
    if (traceparent != null) {
      current.put(TRACEPARENT, traceparent);
    }
    return current;
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
