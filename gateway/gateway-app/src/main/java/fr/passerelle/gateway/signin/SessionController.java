package fr.passerelle.gateway.signin;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the web application asks the gateway about its person: who is signed in and what the
 * platform lets them do (from their access token's claims, never the token itself), and the CSRF
 * token their unsafe calls must carry, kept in the page's memory only. {@code /connexion} starts a
 * sign-in that comes back to a given page.
 */
@RestController
public class SessionController {

  private final ReactiveClientRegistrationRepository registrations;

  public SessionController(ReactiveClientRegistrationRepository registrations) {
    this.registrations = registrations;
  }

  /** The person behind this browser's session, or {@code signedIn: false}. */
  @GetMapping("/web/session")
  public Mono<ResponseEntity<Map<String, Object>>> session(ServerWebExchange exchange) {
    Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
    Mono<Boolean> available =
        registrations
            .findByRegistrationId(SignInConfiguration.REGISTRATION_ID)
            .map(registration -> true)
            .onErrorReturn(true)
            .defaultIfEmpty(false);
    Mono<Map<String, Object>> person =
        exchange
            .getPrincipal()
            .filter(OAuth2AuthenticationToken.class::isInstance)
            .map(token -> ((OAuth2AuthenticationToken) token).getPrincipal())
            .filter(SignedInUser.class::isInstance)
            .map(principal -> describe((SignedInUser) principal))
            .defaultIfEmpty(Map.of("signedIn", false));
    return Mono.zip(person, csrf == null ? Mono.empty() : csrf, available)
        .map(
            all -> {
              Map<String, Object> body = new LinkedHashMap<>(all.getT1());
              body.put(
                  "csrf",
                  Map.of(
                      "headerName", all.getT2().getHeaderName(),
                      "parameterName", all.getT2().getParameterName(),
                      "token", all.getT2().getToken()));
              body.put("signInAvailable", all.getT3());
              return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
            });
  }

  /** Starts a sign-in that brings the person back to {@code retour}, a page of the application. */
  @GetMapping("/connexion")
  public Mono<ResponseEntity<Void>> signIn(
      @RequestParam(name = "retour", required = false) String returnTo,
      ServerWebExchange exchange) {
    return exchange
        .getSession()
        .map(
            session -> {
              ReturnAfterSignIn.remember(session, returnTo);
              return ResponseEntity.status(HttpStatus.FOUND)
                  .location(URI.create(SignInConfiguration.SIGN_IN_PATH))
                  .<Void>build();
            });
  }

  private static Map<String, Object> describe(SignedInUser person) {
    PasserelleUser user = person.passerelleUser();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("signedIn", true);
    body.put("username", user.username());
    // What the person is called on screen: their login name at the provider, else their name.
    String displayName =
        person.getPreferredUsername() != null
            ? person.getPreferredUsername()
            : person.getFullName() != null ? person.getFullName() : user.username();
    body.put("displayName", displayName);
    body.put("roles", user.roles().stream().map(Role::name).sorted().toList());
    body.put("departements", List.copyOf(new java.util.TreeSet<>(user.departements())));
    if (user.associationId() != null) {
      body.put("associationId", user.associationId());
    }
    return body;
  }
}
