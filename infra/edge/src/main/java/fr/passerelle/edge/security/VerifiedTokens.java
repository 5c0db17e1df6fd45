package fr.passerelle.edge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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
 * least recently used forgotten first; a forgotten token is simply verified again.
 *
 * <p>Tokens are remembered under their SHA-256 digest, never as a key that could be printed.
 */
public final class VerifiedTokens {

  /** How many tokens are remembered at most. */
  public static final int CAPACITY = 4_096;

  private final OAuth2TokenValidator<Jwt> validator;

  /** By digest, in order of use. */
  private final Map<String, Jwt> verified =
      new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
          return size() > CAPACITY;
        }
      };

  /**
   * @param validator the checks of the claims, made on each use: the very validator the verifying
   *     decoder was given
   */
  public VerifiedTokens(OAuth2TokenValidator<Jwt> validator) {
    this.validator = validator;
  }

  /**
   * {@code verifier} (signature and claims), called only for a token not verified before; the
   * claims of a token verified before are checked again.
   */
  public JwtDecoder decoder(JwtDecoder verifier) {
    return token -> {
      String key = digest(token);
      Jwt known = recall(key, token);
      return valid(key, known != null ? known : verifier.decode(token));
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

  private Jwt recall(String key, String token) {
    Jwt known;
    synchronized (verified) {
      known = verified.get(key);
    }
    return known != null && known.getTokenValue().equals(token) ? known : null;
  }

  /**
   * {@code jwt} if its claims pass the validator now, remembered; else forgotten and refused as the
   * verifying decoder refuses it.
   */
  private Jwt valid(String key, Jwt jwt) {
    OAuth2TokenValidatorResult result = validator.validate(jwt);
    synchronized (verified) {
      if (result.hasErrors()) {
        verified.remove(key);
      } else {
        verified.put(key, jwt);
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

  private static String digest(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** Apart, so that the servlet services never load it, nor Reactor through it. */
  private record Reactive(VerifiedTokens tokens, ReactiveJwtDecoder verifier)
      implements ReactiveJwtDecoder {

    @Override
    public Mono<Jwt> decode(String token) {
      return Mono.defer(
          () -> {
            String key = digest(token);
            Jwt known = tokens.recall(key, token);
            Mono<Jwt> jwt = known != null ? Mono.just(known) : verifier.decode(token);
            return jwt.map(decoded -> tokens.valid(key, decoded));
          });
    }
  }
}
