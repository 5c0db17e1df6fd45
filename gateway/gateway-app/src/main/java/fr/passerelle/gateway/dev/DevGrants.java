package fr.passerelle.gateway.dev;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dev sign-in hands out and takes back: authorization codes (one use, a minute, bound to
 * the client, the redirect URI and the PKCE challenge) and refresh tokens (one use each, renewed at
 * every use, for {@link DevProperties#sessionValidity()}). In memory: the dev issuer's key is too,
 * so a restart signs everyone out.
 */
final class DevGrants {

  static final Duration CODE_VALIDITY = Duration.ofMinutes(1);

  /** A signed-in demo user, as a code or a refresh token carries them. */
  record Grant(
      DemoUser user,
      String clientId,
      String redirectUri,
      String codeChallenge,
      String nonce,
      Instant authenticatedAt,
      Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Duration sessionValidity;
  private final Clock clock;

  DevGrants(Duration sessionValidity, Clock clock) {
    this.sessionValidity = sessionValidity;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** A new code for a person who has just signed in. */
  String newCode(
      DemoUser user, String clientId, String redirectUri, String codeChallenge, String nonce) {
    forgetExpired();
    Instant now = clock.instant();
    String code = randomValue();
    codes.put(
        code,
        new Grant(user, clientId, redirectUri, codeChallenge, nonce, now, now.plus(CODE_VALIDITY)));
    return code;
  }

  /**
   * The grant of {@code code}, used up whatever happens next; empty when unknown, expired, for
   * another client or redirect URI, or when the verifier does not match the challenge (RFC 7636,
   * S256).
   */
  Optional<Grant> redeemCode(
      String code, String clientId, String redirectUri, String codeVerifier) {
    if (code == null) {
      return Optional.empty();
    }
    Grant grant = codes.remove(code);
    if (grant == null
        || grant.expiresAt().isBefore(clock.instant())
        || !grant.clientId().equals(clientId)
        || !grant.redirectUri().equals(redirectUri)
        || codeVerifier == null
        || !MessageDigest.isEqual(
            challengeOf(codeVerifier).getBytes(StandardCharsets.US_ASCII),
            grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** A refresh token for the person of {@code grant}, valid for the session's length. */
  String newRefreshToken(Grant grant) {
    String token = randomValue();
    Instant expiresAt =
        grant.redirectUri() == null
            ? grant.expiresAt()
            : grant.authenticatedAt().plus(sessionValidity);
    refreshTokens.put(
        token,
        new Grant(
            grant.user(), grant.clientId(), null, null, null, grant.authenticatedAt(), expiresAt));
    return token;
  }

  /**
   * The grant of {@code refreshToken}, used up; empty when unknown, expired or another client's.
   */
  Optional<Grant> redeemRefreshToken(String refreshToken, String clientId) {
    if (refreshToken == null) {
      return Optional.empty();
    }
    Grant grant = refreshTokens.remove(refreshToken);
    if (grant == null
        || grant.expiresAt().isBefore(clock.instant())
        || !grant.clientId().equals(clientId)) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** The S256 challenge of a PKCE verifier: BASE64URL(SHA-256(ASCII(verifier))). */
  static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomValue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    codes.values().removeIf(grant -> grant.expiresAt().isBefore(now));
    refreshTokens.values().removeIf(grant -> grant.expiresAt().isBefore(now));
  }
}
