package fr.passerelle.edge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

/**
 * The tokens whose signature this process has verified, so that a caller's token is verified once
 * rather than on each of its requests (the RSA arithmetic was 12% of the gateway's CPU and 7% of
 * dossier-service's under load). A token is recognised only as the exact same string; its claims
 * are checked again by the {@link TokenValidation} validator on every use, so an expired token is
 * refused from the same second as before. Nothing refused is remembered: a token whose signature or
 * claims fail is verified, and refused, each time. At most {@link #CAPACITY} tokens are kept, the
 * least recently used forgotten first, and none for longer than {@link #REMEMBERED_FOR}, the time a
 * signing key stays in the decoders' key cache: a key the identity provider withdraws stops
 * vouching for a token within the same five minutes as before. A forgotten token is simply verified
 * again.
 */
public final class VerifiedTokens {

  /** How many tokens are remembered at most. */
  public static final int CAPACITY = 4_096;

  /** How long a verified token is remembered at most (Nimbus's key set cache keeps keys 5 min). */
  public static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

  private final OAuth2TokenValidator<Jwt> validator;
  private final Clock clock;

  /** By token, in order of use. */
  private final Map<String, Remembered> verified =
      new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          return size() > CAPACITY;
        }
      };

  /** A verified token, and when its signature was verified. */
  private record Remembered(Jwt jwt, Instant verifiedAt) {}

  /**
   * @param validator the checks of the claims, made on each use: the very validator the verifying
   *     decoder was given
   */
  public VerifiedTokens(OAuth2TokenValidator<Jwt> validator) {
    this(validator, Clock.systemUTC());
  }

  VerifiedTokens(OAuth2TokenValidator<Jwt> validator, Clock clock) {
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * {@code verifier} (signature and claims), called only for a token not verified before; the
   * claims of a token verified before are checked again.
   */
  public JwtDecoder decoder(JwtDecoder verifier) {
    return token -> {
      Jwt known = recall(token);
      return known != null
          ? valid(token, known, true)
          : valid(token, verifier.decode(token), false);
    };
  }

  /** The same for the gateway: {@code verifier} is subscribed to only for a new token. */
  public ReactiveJwtDecoder reactiveDecoder(ReactiveJwtDecoder verifier) {
    return new Reactive(this, verifier);
  }

  /** How many tokens are remembered. */
  int size() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private Jwt recall(String token) {
    Remembered known;
    synchronized (verified) {
      known = verified.get(token);
    }
    if (known == null || !clock.instant().isBefore(known.verifiedAt().plus(REMEMBERED_FOR))) {
      return null;
    }
    return known.jwt();
  }

  /**
   * {@code jwt} if its claims pass the validator now, remembered; else forgotten and refused as the
   * verifying decoder refuses it.
   */
  private Jwt valid(String token, Jwt jwt, boolean known) {
    OAuth2TokenValidatorResult result = validator.validate(jwt);
    synchronized (verified) {
      if (result.hasErrors()) {
        verified.remove(token);
      } else if (!known) {
        verified.put(token, new Remembered(jwt, clock.instant()));
      }
    }
    if (result.hasErrors()) {
      throw new JwtValidationException(message(result.getErrors()), result.getErrors());
    }
    return jwt;
  }

  /** Nimbus decoders' message for the same refusal. */
  private static String message(Collection<OAuth2Error> errors) {
    return errors.stream()
        .map(OAuth2Error::getDescription)
        .filter(StringUtils::hasLength)
        .findFirst()
        .map(description -> "An error occurred while attempting to decode the Jwt: " + description)
        .orElse("Unable to validate Jwt");
  }

  /** Apart, so that the servlet services never load it, nor Reactor through it. */
  private record Reactive(VerifiedTokens tokens, ReactiveJwtDecoder verifier)
      implements ReactiveJwtDecoder {

    @Override
    public Mono<Jwt> decode(String token) {
      return Mono.defer(
          () -> {
            Jwt known = tokens.recall(token);
            if (known != null) {
              return Mono.just(known).map(jwt -> tokens.valid(token, jwt, true));
            }
            return verifier.decode(token).map(jwt -> tokens.valid(token, jwt, false));
          });
    }
  }
}
