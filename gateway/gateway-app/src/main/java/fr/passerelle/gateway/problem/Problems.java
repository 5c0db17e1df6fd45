package fr.passerelle.gateway.problem;

import fr.passerelle.gateway.correlation.CorrelationFilter;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own error responses: RFC 9457 problem details ({@code application/problem+json})
 * with a French title, a {@code urn:passerelle:probleme:*} type, the request path and the request
 * id. Never a stack trace nor an exception message.
 */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  public static final Problem UNAUTHENTICATED =
      standard(HttpStatus.UNAUTHORIZED, "Un jeton d'accès valide est requis.");
  public static final Problem DENIED =
      standard(
          HttpStatus.FORBIDDEN,
          "Votre rôle ou vos départements ne permettent pas cette opération.");
  public static final Problem TOO_MANY_REQUESTS =
      standard(
          HttpStatus.TOO_MANY_REQUESTS,
          "Réessayez après le délai indiqué par l'en-tête Retry-After.");
  public static final Problem UNAVAILABLE =
      standard(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Le service demandé ne répond pas ; réessayez plus tard.");

  private static final String TYPE_PREFIX = "urn:passerelle:probleme:";

  private Problems() {}

  /** One kind of problem: its status, the last part of its type URN, its title and detail. */
  public record Problem(HttpStatus status, String code, String title, String detail) {

    public String type() {
      return TYPE_PREFIX + code;
    }
  }

  /**
   * A problem of {@code status} with the type and French title the services give it too (the
   * platform's one catalogue, {@link fr.passerelle.edge.Problems}).
   */
  public static Problem standard(HttpStatus status, String detail) {
    String type = fr.passerelle.edge.Problems.type(status).toString();
    return new Problem(
        status,
        type.substring(TYPE_PREFIX.length()),
        fr.passerelle.edge.Problems.title(status),
        detail);
  }

  /** A request body over {@code max}. */
  public static Problem tooLarge(DataSize max) {
    return standard(
        HttpStatus.CONTENT_TOO_LARGE,
        "Le corps de la requête dépasse la taille maximale acceptée ("
            + max.toKilobytes()
            + " Ko).");
  }

  /**
   * A request whose target (path or query) is not a URI: a {@code %} not followed by two
   * hexadecimal digits, escapes that do not form UTF-8, or a character that must be
   * percent-encoded.
   */
  public static final Problem MALFORMED_TARGET =
      standard(
          HttpStatus.BAD_REQUEST,
          "L'adresse de la requête est mal formée : chaque « % » doit être suivi de deux chiffres"
              + " hexadécimaux formant de l'UTF-8, et les caractères non permis dans une adresse"
              + " doivent être encodés.");

  /** A request line (method, path and query) longer than the server reads. */
  public static Problem targetTooLong(int maxBytes) {
    return standard(
        HttpStatus.URI_TOO_LONG,
        "La ligne de requête (méthode, chemin et paramètres) dépasse la longueur maximale acceptée ("
            + kilobytes(maxBytes)
            + ").");
  }

  /** Request headers larger, together, than the server reads. */
  public static Problem headersTooLarge(int maxBytes) {
    return standard(
        HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
        "Les en-têtes de la requête dépassent la taille maximale acceptée ("
            + kilobytes(maxBytes)
            + ").");
  }

  /** A request the HTTP server could not read as HTTP/1.1 (its line or a header is malformed). */
  public static final Problem UNREADABLE =
      standard(
          HttpStatus.BAD_REQUEST,
          "La requête n'est pas une requête HTTP lisible (ligne de requête ou en-tête mal formé).");

  private static String kilobytes(int bytes) {
    return bytes % 1024 == 0 ? bytes / 1024 + " Ko" : bytes + " octets";
  }

  /** The problem for any other status (404, 405, 500…). */
  public static Problem forStatus(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> UNAUTHENTICATED;
      case FORBIDDEN -> DENIED;
      case TOO_MANY_REQUESTS -> TOO_MANY_REQUESTS;
      case SERVICE_UNAVAILABLE -> UNAVAILABLE;
      case NOT_FOUND -> standard(status, "Aucune ressource ici.");
      case METHOD_NOT_ALLOWED -> standard(status, "Méthode non prise en charge.");
      case BAD_REQUEST -> standard(status, "La requête est mal formée.");
      case GATEWAY_TIMEOUT -> standard(status, "Le service n'a pas répondu dans le délai imparti.");
      default ->
          standard(
              status,
              status.is5xxServerError() ? "Une erreur est survenue." : status.getReasonPhrase());
    };
  }

  /** Writes {@code problem} as the response (status, content type, JSON body). */
  public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(problem.status());
    response.getHeaders().setContentType(PROBLEM_JSON);
    byte[] body = json(exchange, problem).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().setContentLength(body.length);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  static String json(ServerWebExchange exchange, Problem problem) {
    return json(
        problem,
        exchange.getRequest().getPath().value(),
        exchange.getAttribute(CorrelationFilter.REQUEST_ID_ATTRIBUTE));
  }

  /**
   * The problem's JSON; {@code instance} (the request's path) and {@code requestId} are left out
   * when {@code null}: a request refused before it could be read as a URI has no path to name.
   */
  static String json(Problem problem, String instance, String requestId) {
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "type", problem.type()).append(',');
    field(json, "title", problem.title()).append(',');
    json.append("\"status\":").append(problem.status().value()).append(',');
    field(json, "detail", problem.detail());
    if (instance != null) {
      json.append(',');
      field(json, "instance", instance);
    }
    if (requestId != null) {
      json.append(',');
      field(json, "requestId", requestId);
    }
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
