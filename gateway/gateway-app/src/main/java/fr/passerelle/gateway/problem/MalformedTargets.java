package fr.passerelle.gateway.problem;

import fr.passerelle.edge.Correlation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Refuses, as a 400 problem, a request whose target (path and query) is not a URI: a {@code %} not
 * followed by two hexadecimal digits ({@code /dossiers/%zz}, {@code ?year=%}), or a character that
 * must be percent-encoded, or escapes whose bytes are not UTF-8 ({@code /sessions/%FF%FE}).
 * Spring's adapter for Reactor Netty ({@code ReactorHttpHandlerAdapter}) builds each request's
 * {@link URI} before any filter of the gateway runs, and answers a bare 400 without a body when it
 * cannot. This route runs in Reactor Netty's own routing, before that adapter (which Spring Boot
 * adds as the last route), with the adapter's test: the same requests, answered as every other
 * refusal. Being an ordinary exchange of Reactor Netty, the answer keeps its place among pipelined
 * requests and the connection is kept alive or closed as for any answer.
 */
final class MalformedTargets implements NettyRouteProvider {

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(request -> malformed(request.uri()), MalformedTargets::refuse);
  }

  /**
   * Whether Spring's adapter fails to build the URI of a request whose target is {@code target}: it
   * appends the target, or what follows the authority of an absolute target, to the scheme and the
   * (encoded) host, then parses the whole with {@link URI#URI(String)}.
   */
  static boolean malformed(String target) {
    String pathAndQuery = pathAndQuery(target);
    try {
      new URI("http://localhost" + pathAndQuery);
    } catch (URISyntaxException e) {
      return true;
    }
    return !decodesAsUtf8(pathAndQuery);
  }

  /**
   * Whether the bytes the percent escapes of {@code pathAndQuery} stand for are UTF-8: the
   * services' servers refuse a path that is not ({@code /sessions/%FF%FE}) before their application
   * sees it, so it is refused here as every other malformed target, without a call. Called on a
   * valid URI, where each {@code %} is followed by two hexadecimal digits.
   */
  private static boolean decodesAsUtf8(String pathAndQuery) {
    if (pathAndQuery.indexOf('%') < 0) {
      return true;
    }
    ByteBuffer bytes = ByteBuffer.allocate(pathAndQuery.length());
    for (int i = 0; i < pathAndQuery.length(); i++) {
      char c = pathAndQuery.charAt(i);
      if (c == '%') {
        bytes.put((byte) HexFormat.fromHexDigits(pathAndQuery, i + 1, i + 3));
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.flip());
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The target as Spring's adapter appends it (ReactorUriHelper#appendRequestUri). */
  private static String pathAndQuery(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      if (c == ':' && target.startsWith("//", i + 1)) {
        for (int j = i + 3; j < target.length(); j++) {
          char d = target.charAt(j);
          if (d == '/' || d == '?' || d == '#') {
            return target.substring(j);
          }
        }
        return "";
      }
    }
    return target;
  }

  private static Publisher<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
    String requestId =
        Correlation.requestId(request.requestHeaders().get(Correlation.REQUEST_ID_HEADER));
    byte[] body =
        Problems.json(Problems.MALFORMED_TARGET, null, requestId).getBytes(StandardCharsets.UTF_8);
    return response
        .status(Problems.MALFORMED_TARGET.status().value())
        .header(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
        .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
        .header(Correlation.REQUEST_ID_HEADER, requestId)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .sendByteArray(Mono.just(body))
        .then();
  }
}
