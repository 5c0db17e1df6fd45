package fr.passerelle.edge.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a token valid on the platform, for the gateway (reactive) and the services (servlet)
 * alike: the configured issuer, the platform's audience, a signature by the provider's keys, a
 * subject, and an expiry that has not passed. Fails closed: a token without {@code exp} (which the
 * usual time checks let through) or without {@code sub} is refused.
 */
public final class TokenValidation {

  private TokenValidation() {}

  /**
   * Issuer, audience, subject, expiry (required) and not-before, on the machine's clock with Spring
   * Security's minute of skew; fails fast when no issuer is configured.
   */
  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    return validator(properties, Clock.systemUTC());
  }

  /** The same checks, with expiry and not-before read on {@code clock} (tests). */
  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, Clock clock) {
    if (properties.issuer() == null || properties.issuer().isBlank()) {
      throw new IllegalStateException("Set passerelle.security.jwt.issuer");
    }
    JwtTimestampValidator lifetime = new JwtTimestampValidator();
    lifetime.setClock(clock);
    return new DelegatingOAuth2TokenValidator<>(
        // What createDefaultWithIssuer holds (type, certificate binding, lifetime, issuer), with
        // the lifetime read on this clock.
        JwtValidators.createDefaultWithValidators(
            lifetime, new JwtIssuerValidator(properties.issuer())),
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD,
            audience -> audience != null && audience.contains(properties.audience())),
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
        new JwtClaimValidator<String>(
            JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
  }

  public static boolean hasJwkSetUri(SecurityProperties properties) {
    return properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank();
  }

  /** The RSA public key of a PEM resource ({@code passerelle.security.jwt.public-key}). */
  public static RSAPublicKey publicKey(Resource pem) {
    try (InputStream key = pem.getInputStream()) {
      return RsaKeyConverters.x509().convert(key);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the token signing key", e);
    }
  }
}
