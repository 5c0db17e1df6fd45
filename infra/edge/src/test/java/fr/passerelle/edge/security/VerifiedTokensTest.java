package fr.passerelle.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token's signature is verified once; its claims, and so its expiry, on every use; whatever is
 * refused is refused again each time, at full cost.
 */
class VerifiedTokensTest {

  private static final String ISSUER = "https://idp.example/realms/passerelle";
  private static final KeyPair KEYS = newKeyPair();
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** Shorter than the time a token is remembered, so that it expires while remembered. */
  private static final Duration LIFETIME = Duration.ofMinutes(3);

  /** Spring Security's leeway on expiry, which the platform keeps. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final MovableClock clock = new MovableClock(START);
  private final OAuth2TokenValidator<Jwt> validator =
      TokenValidation.validator(new SecurityProperties(ISSUER, "passerelle", null, null), clock);
  private final VerifiedTokens tokens = new VerifiedTokens(validator, clock);

  /** The decoder as it was before tokens were remembered, which checks the signature each time. */
  private final JwtDecoder signatureChecker = signatureChecker();

  private final AtomicInteger verifications = new AtomicInteger();
  private final JwtDecoder decoder =
      tokens.decoder(
          token -> {
            verifications.incrementAndGet();
            return signatureChecker.decode(token);
          });

  @Test
  void aTokenIsVerifiedOnceOverItsRequests() {
    String token = sign("secretariat-31");

    for (int request = 0; request < 5; request++) {
      // Each request brings its own copy of the token.
      Jwt jwt = decoder.decode(new String(token.toCharArray()));

      assertThat(jwt.getSubject()).isEqualTo("secretariat-31");
      assertThat(jwt.getTokenValue()).isEqualTo(token);
    }
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aTokenIsVerifiedAgainOnceTheKeysCouldHaveChanged() {
    String token =
        sign(
            new JWTClaimsSet.Builder(claims("secretariat-31"))
                .expirationTime(Date.from(START.plus(Duration.ofHours(1))))
                .build());
    decoder.decode(token);

    clock.set(START.plus(VerifiedTokens.REMEMBERED_FOR).minusSeconds(1));
    decoder.decode(token);
    assertThat(verifications).hasValue(1);

    clock.set(START.plus(VerifiedTokens.REMEMBERED_FOR));
    assertThat(decoder.decode(token).getSubject()).isEqualTo("secretariat-31");
    assertThat(verifications).as("verified again with the keys of the moment").hasValue(2);

    decoder.decode(token);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedFromTheSecondItExpiresAsBefore() {
    String token = sign("secretariat-31");
    decoder.decode(token);
    Instant expiry = START.plus(LIFETIME);

    clock.set(expiry.plus(CLOCK_SKEW));
    assertThat(decoder.decode(token).getSubject()).isEqualTo("secretariat-31");
    assertThat(signatureChecker.decode(token).getSubject()).isEqualTo("secretariat-31");
    assertThat(verifications).hasValue(1);

    clock.set(expiry.plus(CLOCK_SKEW).plusSeconds(1));
    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThatThrownBy(() -> signatureChecker.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(verifications).hasValue(1);

    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(verifications).as("once refused, the token is forgotten").hasValue(2);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aTokenWithAnAlteredSignatureIsRefusedEveryTimeThoughTheGenuineOneIsRemembered() {
    String genuine = sign("secretariat-31");
    decoder.decode(genuine);
    String forged = withAlteredSignature(genuine);

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    assertThat(verifications).as("the genuine token once, the forged one each time").hasValue(4);
    assertThat(tokens.size()).isEqualTo(1);
    assertThat(decoder.decode(genuine).getSubject()).isEqualTo("secretariat-31");
    assertThat(verifications).hasValue(4);
  }

  @Test
  void aTokenWhoseClaimsWereAlteredUnderTheGenuineSignatureIsRefusedEveryTime() {
    String genuine = sign("secretariat-31");
    decoder.decode(genuine);
    String[] parts = genuine.split("\\.");
    String promoted =
        parts[0]
            + "."
            + new JWTClaimsSet.Builder(claims("secretariat-31"))
                .claim(PasserelleUser.ROLES, List.of("ADMIN"))
                .build()
                .toPayload()
                .toBase64URL()
            + "."
            + parts[2];

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> decoder.decode(promoted)).isInstanceOf(BadJwtException.class);
    }
    assertThat(verifications).hasValue(4);
  }

  @Test
  void aTokenRefusedForItsClaimsIsNeverRemembered() {
    String elsewhere =
        sign(new JWTClaimsSet.Builder(claims("secretariat-31")).audience("another-api").build());

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> decoder.decode(elsewhere))
          .isInstanceOf(JwtValidationException.class);
    }
    assertThat(verifications).hasValue(3);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void atMostCapacityTokensAreRememberedTheLeastRecentlyUsedForgottenFirst() {
    AtomicInteger checked = new AtomicInteger();
    JwtDecoder cheap = tokens.decoder(token -> validJwt(token, checked));
    int distinct = VerifiedTokens.CAPACITY + 500;

    cheap.decode("token-0");
    for (int i = 1; i < distinct; i++) {
      cheap.decode("token-" + i);
      cheap.decode("token-1");
    }

    assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);
    assertThat(checked).hasValue(distinct);
    cheap.decode("token-1");
    cheap.decode("token-" + (distinct - 1));
    assertThat(checked).as("the tokens in use are still remembered").hasValue(distinct);
    cheap.decode("token-0");
    assertThat(checked).as("the oldest token was forgotten").hasValue(distinct + 1);
    assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);
  }

  @Test
  void theGatewaysDecoderVerifiesOnceRefusesOnExpiryAndNeverRemembersAForgery() {
    NimbusReactiveJwtDecoder nimbus =
        NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    nimbus.setJwtValidator(validator);
    AtomicInteger subscribed = new AtomicInteger();
    ReactiveJwtDecoder gateway =
        tokens.reactiveDecoder(
            token ->
                Mono.defer(() -> nimbus.decode(token))
                    .doOnSubscribe(s -> subscribed.incrementAndGet()));
    String token = sign("secretariat-31");
    String forged = withAlteredSignature(token);

    for (int request = 0; request < 3; request++) {
      assertThat(gateway.decode(token).block().getSubject()).isEqualTo("secretariat-31");
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> gateway.decode(forged).block()).isInstanceOf(BadJwtException.class);
    }
    assertThat(subscribed).as("the genuine token once, the forged one each time").hasValue(4);

    // Checked when the request is handled, not when its pipeline was assembled.
    Mono<Jwt> assembledBeforeExpiry = gateway.decode(token);
    clock.set(START.plus(LIFETIME).plus(CLOCK_SKEW).plusSeconds(1));
    assertThatThrownBy(assembledBeforeExpiry::block)
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(subscribed).hasValue(4);
  }

  private JwtDecoder signatureChecker() {
    NimbusJwtDecoder nimbus =
        NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    nimbus.setJwtValidator(validator);
    return nimbus;
  }

  private Jwt validJwt(String token, AtomicInteger checked) {
    checked.incrementAndGet();
    return Jwt.withTokenValue(token)
        .header("alg", "RS256")
        .issuer(ISSUER)
        .subject("secretariat-31")
        .audience(List.of("passerelle"))
        .issuedAt(START.minusSeconds(60))
        .expiresAt(START.plus(LIFETIME))
        .build();
  }

  private static JWTClaimsSet claims(String subject) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience("passerelle")
        .issueTime(Date.from(START.minusSeconds(60)))
        .expirationTime(Date.from(START.plus(LIFETIME)))
        .claim(PasserelleUser.ROLES, List.of("SECRETARIAT"))
        .claim(PasserelleUser.DEPARTEMENTS, List.of("31"))
        .build();
  }

  private static String sign(String subject) {
    return sign(claims(subject));
  }

  private static String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(KEYS.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * One character of the signature changed in its middle (the last one may carry only padding bits,
   * which decoding ignores).
   */
  private static String withAlteredSignature(String token) {
    int middle = token.lastIndexOf('.') + 100;
    char altered = token.charAt(middle) == 'A' ? 'B' : 'A';
    return token.substring(0, middle) + altered + token.substring(middle + 1);
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
