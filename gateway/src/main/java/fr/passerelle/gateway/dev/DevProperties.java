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
 */
@ConfigurationProperties("passerelle.dev")
public record DevProperties(
    Map<String, String> associations, @DefaultValue("1h") Duration tokenValidity) {

  public DevProperties {
    associations = associations == null ? Map.of() : Map.copyOf(associations);
  }
}
