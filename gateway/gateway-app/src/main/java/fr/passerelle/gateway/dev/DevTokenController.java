package fr.passerelle.gateway.dev;

import fr.passerelle.gateway.problem.Problems.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dev issuer's endpoints ({@code dev} profile only): its JWK set and demo users' tokens. */
@RestController
@Profile("dev")
public class DevTokenController {

  private static final Problem UNKNOWN_USER =
      new Problem(
          HttpStatus.BAD_REQUEST,
          "utilisateur-de-demonstration-inconnu",
          "Utilisateur de démonstration inconnu",
          "Utilisateurs : analyst, admin, monitoring, <rôle>-<département> (association-31, secretariat-75,"
              + " paying-body-31…) ; une association a besoin de ?association=<id> ou d'une"
              + " association configurée.");

  private final DevIssuer issuer;
  private final DevProperties properties;

  public DevTokenController(DevIssuer issuer, DevProperties properties) {
    this.issuer = issuer;
    this.properties = properties;
  }

  @GetMapping(DevIssuer.JWKS_PATH)
  public Map<String, Object> jwks() {
    return issuer.jwkSet();
  }

  @PostMapping(DevIssuer.TOKENS_PATH)
  public ResponseEntity<Map<String, Object>> token(
      @RequestParam String user, @RequestParam(required = false) String association) {
    return DemoUser.of(user, association, properties.associations())
        .map(
            demoUser -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("access_token", issuer.token(demoUser));
              body.put("token_type", "Bearer");
              body.put("expires_in", issuer.validitySeconds());
              return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
            })
        .orElseGet(
            () -> {
              Map<String, Object> problem = new LinkedHashMap<>();
              problem.put("type", UNKNOWN_USER.type());
              problem.put("title", UNKNOWN_USER.title());
              problem.put("status", UNKNOWN_USER.status().value());
              problem.put("detail", UNKNOWN_USER.detail());
              return ResponseEntity.badRequest()
                  .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                  .body(problem);
            });
  }
}
