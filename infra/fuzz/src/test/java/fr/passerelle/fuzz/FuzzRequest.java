package fr.passerelle.fuzz;

import fr.passerelle.edge.route.Route;
import java.nio.charset.StandardCharsets;

/**
 * One request the fuzzer sends: the route of the table it was drawn from, what it varies, and the
 * bytes that go on the wire.
 *
 * @param route the route it was drawn from
 * @param method the HTTP method sent (the route's, or another to try the table's edges)
 * @param pathAndQuery the path and query, already encoded (or deliberately mis-encoded)
 * @param caller who the token is for ({@code none}, {@code forged}, a demo user...)
 * @param token the bearer token sent, or null
 * @param contentType the Content-Type header sent, or null
 * @param body the body, or null
 * @param variation what was varied, for the report
 */
record FuzzRequest(
    Route route,
    String method,
    String pathAndQuery,
    String caller,
    String token,
    String contentType,
    byte[] body,
    String variation) {

  boolean mutating() {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  @Override
  public String toString() {
    String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    if (shown.length() > 300) {
      shown = shown.substring(0, 300) + "… (" + body.length + " bytes)";
    }
    String target =
        pathAndQuery.length() > 300
            ? pathAndQuery.substring(0, 300) + "… (" + pathAndQuery.length() + " chars)"
            : pathAndQuery;
    return "%s %s as %s [%s] Content-Type %s: %s"
        .formatted(method, target, caller, variation, contentType, shown);
  }
}
