package fr.passerelle.gateway.dev;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The dev issuer as an OpenID Connect provider ({@code dev} profile only), so that people sign in
 * with a browser locally as they would with the real provider: the authorization code flow with
 * PKCE (S256, required), with a sign-in page for the demo users, for two clients: the gateway
 * itself ({@link DevIssuer#CLIENT_ID}, confidential, its secret new at each start) and the API
 * documentation's Authorize button ({@link DevIssuer#DOCS_CLIENT_ID}, public).
 *
 * <p>The redirect URI must be the client's own callback on the gateway, on the host the browser
 * used; anything else is refused on the page, never redirected to. Codes and refresh tokens are in
 * {@link DevGrants}.
 */
@RestController
@Profile("dev")
public class DevSignInController {

  static final String CALLBACK_PATH = "/login/oauth2/code/";
  static final String DOCS_CALLBACK_PATH = "/swagger-ui/oauth2-redirect.html";

  /** The authorization request's parameters the page carries from one step to the next. */
  private static final List<String> CARRIED =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "nonce",
          "code_challenge",
          "code_challenge_method");

  private final DevIssuer issuer;
  private final DevProperties properties;
  private final DevGrants grants;
  private final WebClient http = WebClient.create();

  public DevSignInController(DevIssuer issuer) {
    this.issuer = issuer;
    this.properties = issuer.properties();
    this.grants = new DevGrants(properties.sessionValidity(), Clock.systemUTC());
  }

  @GetMapping(path = DevIssuer.DISCOVERY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> discovery() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    String base = issuer.issuer();
    String origin = base.substring(0, base.length() - "/dev".length());
    metadata.put("issuer", base);
    metadata.put("authorization_endpoint", origin + DevIssuer.AUTHORIZE_PATH);
    metadata.put("token_endpoint", origin + DevIssuer.TOKEN_PATH);
    metadata.put("jwks_uri", origin + DevIssuer.JWKS_PATH);
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    metadata.put("subject_types_supported", List.of("public"));
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    metadata.put("code_challenge_methods_supported", List.of("S256"));
    metadata.put("scopes_supported", List.of("openid"));
    metadata.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    return metadata;
  }

  /** The sign-in page, for a valid authorization request. */
  @GetMapping(DevIssuer.AUTHORIZE_PATH)
  public Mono<ResponseEntity<String>> authorize(ServerWebExchange exchange) {
    Map<String, String> request = carried(exchange.getRequest().getQueryParams());
    return Mono.just(
        checkRequest(exchange.getRequest(), request)
            .orElseGet(() -> html(HttpStatus.OK, DevSignInPage.credentials(request, "", null))));
  }

  /** The sign-in form: a code for the client when the identifier and password are right. */
  @PostMapping(
      path = DevIssuer.AUTHORIZE_PATH,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public Mono<ResponseEntity<String>> signIn(ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            form -> {
              Map<String, String> request = carried(form);
              Optional<ResponseEntity<String>> refused =
                  checkRequest(exchange.getRequest(), request);
              if (refused.isPresent()) {
                return Mono.just(refused.get());
              }
              String username = trimmed(form.getFirst("username"));
              String password = form.getFirst("password") == null ? "" : form.getFirst("password");
              if (!passwordMatches(password) || DemoUser.of(username, "-", Map.of()).isEmpty()) {
                return Mono.just(
                    html(
                        HttpStatus.OK,
                        DevSignInPage.credentials(
                            request, username, "Identifiant ou mot de passe incorrect.")));
              }
              Optional<DemoUser> user = DemoUser.of(username, null, properties.associations());
              if (user.isPresent()) {
                return Mono.just(redirectWithCode(request, user.get()));
              }
              // An association's member: which of the département's associations do they act for?
              String association = trimmed(form.getFirst("association"));
              String departement = username.substring(username.indexOf('-') + 1);
              return associations(exchange, departement)
                  .map(
                      list -> {
                        boolean listed =
                            list.stream().anyMatch(known -> known.id().equals(association));
                        if (listed) {
                          return redirectWithCode(
                              request, DemoUser.of(username, association, Map.of()).orElseThrow());
                        }
                        return html(
                            HttpStatus.OK,
                            DevSignInPage.association(
                                request,
                                username,
                                password,
                                list,
                                association.isEmpty() ? null : "Choisissez une association."));
                      });
            });
  }

  /** The token endpoint: a code (with its PKCE verifier) or a refresh token for tokens. */
  @PostMapping(
      path = DevIssuer.TOKEN_PATH,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .map(
            form -> {
              String client = authenticatedClient(exchange.getRequest(), form);
              if (client == null) {
                return tokenError(HttpStatus.UNAUTHORIZED, "invalid_client");
              }
              String grantType = form.getFirst("grant_type");
              Optional<DevGrants.Grant> grant =
                  switch (grantType == null ? "" : grantType) {
                    case "authorization_code" ->
                        grants.redeemCode(
                            form.getFirst("code"),
                            client,
                            form.getFirst("redirect_uri"),
                            form.getFirst("code_verifier"));
                    case "refresh_token" ->
                        grants.redeemRefreshToken(form.getFirst("refresh_token"), client);
                    default -> null;
                  };
              if (grant == null) {
                return tokenError(HttpStatus.BAD_REQUEST, "unsupported_grant_type");
              }
              return grant
                  .map(this::tokens)
                  .orElseGet(() -> tokenError(HttpStatus.BAD_REQUEST, "invalid_grant"));
            });
  }

  private ResponseEntity<Map<String, Object>> tokens(DevGrants.Grant grant) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", issuer.token(grant.user()));
    body.put("token_type", "Bearer");
    body.put("expires_in", issuer.validitySeconds());
    body.put("scope", "openid");
    body.put(
        "id_token",
        issuer.idToken(grant.user(), grant.clientId(), grant.nonce(), grant.authenticatedAt()));
    body.put("refresh_token", grants.newRefreshToken(grant));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  private static ResponseEntity<Map<String, Object>> tokenError(HttpStatus status, String error) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", error));
  }

  private ResponseEntity<String> redirectWithCode(Map<String, String> request, DemoUser user) {
    String code =
        grants.newCode(
            user,
            request.get("client_id"),
            request.get("redirect_uri"),
            request.get("code_challenge"),
            blankToNull(request.get("nonce")));
    UriComponentsBuilder target =
        UriComponentsBuilder.fromUriString(request.get("redirect_uri")).queryParam("code", code);
    if (request.get("state") != null) {
      target.queryParam("state", request.get("state"));
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(target.encode().build().toUri())
        .build();
  }

  /**
   * What is wrong with an authorization request, as the response to give: a page for an unknown
   * client or a redirect URI that is not the gateway's callback (never redirected to), a redirect
   * with the error for the rest. Empty when the request is good.
   */
  private Optional<ResponseEntity<String>> checkRequest(
      ServerHttpRequest http, Map<String, String> request) {
    String client = request.get("client_id");
    if (!DevIssuer.CLIENT_ID.equals(client) && !DevIssuer.DOCS_CLIENT_ID.equals(client)) {
      return Optional.of(html(HttpStatus.BAD_REQUEST, DevSignInPage.refused("Client inconnu.")));
    }
    if (!isOwnCallback(http, client, request.get("redirect_uri"))) {
      return Optional.of(
          html(
              HttpStatus.BAD_REQUEST,
              DevSignInPage.refused("Adresse de retour non enregistrée pour ce client.")));
    }
    String error = null;
    if (!"code".equals(request.get("response_type"))) {
      error = "unsupported_response_type";
    } else if (request.get("code_challenge") == null
        || !"S256".equals(request.get("code_challenge_method"))) {
      error = "invalid_request";
    } else if (request.get("scope") == null
        || !List.of(request.get("scope").split(" ")).contains("openid")) {
      error = "invalid_scope";
    }
    if (error == null) {
      return Optional.empty();
    }
    UriComponentsBuilder target =
        UriComponentsBuilder.fromUriString(request.get("redirect_uri")).queryParam("error", error);
    if (request.get("state") != null) {
      target.queryParam("state", request.get("state"));
    }
    return Optional.of(
        ResponseEntity.status(HttpStatus.SEE_OTHER)
            .location(target.encode().build().toUri())
            .build());
  }

  /**
   * The client's callback on the host the browser called: the gateway's ({@code
   * /login/oauth2/code/...}) or the documentation's ({@code /swagger-ui/oauth2-redirect.html}).
   */
  private static boolean isOwnCallback(ServerHttpRequest http, String client, String redirectUri) {
    if (redirectUri == null) {
      return false;
    }
    try {
      URI uri = URI.create(redirectUri);
      String host = http.getHeaders().getFirst(HttpHeaders.HOST);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getRawAuthority() != null
          && uri.getRawAuthority().equalsIgnoreCase(host)
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawPath() != null
          && (DevIssuer.DOCS_CLIENT_ID.equals(client)
              ? uri.getRawPath().equals(DOCS_CALLBACK_PATH)
              : uri.getRawPath().startsWith(CALLBACK_PATH)
                  && uri.getRawPath().indexOf('/', CALLBACK_PATH.length()) < 0);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The client making a token request: the gateway with its secret (HTTP Basic or form), or the
   * documentation's public client, which has none; null when neither.
   */
  private String authenticatedClient(
      ServerHttpRequest request, MultiValueMap<String, String> form) {
    String id = form.getFirst("client_id");
    String secret = form.getFirst("client_secret");
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          return null;
        }
        id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (DevIssuer.DOCS_CLIENT_ID.equals(id) && secret == null) {
      return id;
    }
    boolean gateway =
        DevIssuer.CLIENT_ID.equals(id)
            && secret != null
            && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8),
                issuer.clientSecret().getBytes(StandardCharsets.UTF_8));
    return gateway ? id : null;
  }

  private boolean passwordMatches(String password) {
    return MessageDigest.isEqual(
        password.getBytes(StandardCharsets.UTF_8),
        properties.password().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The approved associations of {@code departement}, read through the gateway's own public API
   * with an administrator's dev token.
   */
  private Mono<List<DevSignInPage.Association>> associations(
      ServerWebExchange exchange, String departement) {
    var admin = DemoUser.of("admin", null, Map.of()).orElseThrow();
    int port = exchange.getRequest().getLocalAddress().getPort();
    return http.get()
        .uri(
            "http://127.0.0.1:{port}/api/departements/{departement}/associations",
            port,
            departement.toUpperCase(java.util.Locale.ROOT))
        .headers(headers -> headers.setBearerAuth(issuer.token(admin)))
        .retrieve()
        .bodyToFlux(Map.class)
        .map(
            association ->
                new DevSignInPage.Association(
                    String.valueOf(association.get("associationId")),
                    String.valueOf(association.get("name"))))
        .collectList()
        .onErrorReturn(List.of());
  }

  private static Map<String, String> carried(MultiValueMap<String, String> parameters) {
    Map<String, String> request = new LinkedHashMap<>();
    for (String name : CARRIED) {
      String value = parameters.getFirst(name);
      if (value != null) {
        request.put(name, value);
      }
    }
    return request;
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(body);
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
