package fr.passerelle.gateway.dev;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dev issuer's settings ({@code passerelle.dev.*}, {@code dev} profile only).
 *
 * @param associations the association each demo association user belongs to, by user name
 * @param tokenValidity how long a minted token lasts
 * @param password the demo users' password on the sign-in page (a demo has nothing to protect: the
 *     dev issuer signs a token for anyone who asks; the page is there so that people and the
 *     browser tests sign in as they would with a real provider)
 * @param sessionValidity how long a refresh token lets the gateway renew a signed-in person's
 *     access token
 */
@ConfigurationProperties("passerelle.dev")
public record DevProperties(
    Map<String, String> associations,
    @DefaultValue("1h") Duration tokenValidity,
    @DefaultValue("demo") String password,
    @DefaultValue("8h") Duration sessionValidity) {

  public DevProperties {
    associations = associations == null ? Map.of() : Map.copyOf(associations);
  }
}
