package fr.passerelle.gateway.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.edge.security.PasserelleUser;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A local identity provider for development and demos, only under the {@code dev} profile: an RSA
 * key generated at start (never stored), its JWK set, and RS256 tokens for demo users, with the
 * same claims as a real provider's.
 *
 * <p>Anyone who reaches the gateway can then sign in as anyone, ADMIN included: the gateway refuses
 * to start with it when an external identity provider is configured (a sign of a real deployment),
 * and says loudly that it runs.
 */
@Component
@Profile("dev")
public class DevIssuer {

  public static final String JWKS_PATH = "/dev/jwks.json";
  public static final String TOKENS_PATH = "/dev/tokens";

  /** The sign-in page and the OpenID Connect endpoints the gateway's own sign-in uses. */
  public static final String AUTHORIZE_PATH = "/dev/oauth2/authorize";

  public static final String TOKEN_PATH = "/dev/oauth2/token";
  public static final String DISCOVERY_PATH = "/dev/.well-known/openid-configuration";

  /** The gateway's own client of the dev issuer, for people signing in with a browser. */
  public static final String CLIENT_ID = "passerelle-web";

  /** The API documentation's client (Swagger UI's Authorize button): public, with PKCE. */
  public static final String DOCS_CLIENT_ID = "passerelle-docs";

  /** What the gateway logs at WARN once started with the dev issuer. */
  public static final String BANNER =
      "dev issuer: anyone who reaches this gateway can sign in as any demo user; never in"
          + " production";

  /** Settings that name an external identity provider, which the dev issuer must not shadow. */
  static final List<String> EXTERNAL_PROVIDER_SETTINGS =
      List.of(
          "PASSERELLE_JWT_ISSUER",
          "PASSERELLE_JWT_JWK_SET_URI",
          "passerelle.security.jwt.jwk-set-uri");

  private static final Logger LOG = LoggerFactory.getLogger(DevIssuer.class);

  private final KeyPair keys = newKeyPair();
  private final String keyId = UUID.randomUUID().toString();
  private final String clientSecret = DevGrants.randomValue();
  private final String issuer;
  private final String audience;
  private final DevProperties properties;
  private final Clock clock;

  public DevIssuer(
      @Value("${passerelle.security.jwt.issuer}") String issuer,
      @Value("${passerelle.security.jwt.audience:passerelle}") String audience,
      DevProperties properties,
      Environment environment) {
    refuseAlongsideAnExternalProvider(environment);
    this.issuer = issuer;
    this.audience = audience;
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  /**
   * Fails the start when any of {@link #EXTERNAL_PROVIDER_SETTINGS} is set: the {@code dev} profile
   * was left on where a real identity provider is meant to sign the tokens.
   */
  static void refuseAlongsideAnExternalProvider(Environment environment) {
    List<String> set =
        EXTERNAL_PROVIDER_SETTINGS.stream()
            .filter(name -> StringUtils.hasText(environment.getProperty(name)))
            .toList();
    if (!set.isEmpty()) {
      throw new IllegalStateException(
          "The dev issuer (profile 'dev') cannot run with an external identity provider ("
              + String.join(", ", set)
              + " set): anyone could sign in as anyone. Remove the 'dev' profile, or the"
              + " provider's settings for a local demo.");
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnThatAnyoneCanSignIn() {
    LOG.warn(BANNER);
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keys.getPublic();
  }

  /** The public JWK set, as a provider publishes it. */
  public Map<String, Object> jwkSet() {
    RSAKey key =
        new RSAKey.Builder(publicKey())
            .keyID(keyId)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
    return new JWKSet(key).toJSONObject(true);
  }

  public long validitySeconds() {
    return properties.tokenValidity().toSeconds();
  }

  public String issuer() {
    return issuer;
  }

  /** The secret of {@link #CLIENT_ID}, new at each start and never leaving this process. */
  public String clientSecret() {
    return clientSecret;
  }

  DevProperties properties() {
    return properties;
  }

  /** A signed access token for {@code user}. */
  public String token(DemoUser user) {
    Instant now = clock.instant();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(user.name())
            .audience(List.of(audience))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.tokenValidity())))
            .claim(PasserelleUser.ROLES, List.of(user.role()))
            .claim(PasserelleUser.DEPARTEMENTS, user.departements());
    if (user.associationId() != null) {
      claims.claim(PasserelleUser.ASSOCIATION, user.associationId());
    }
    return sign(claims.build());
  }

  /**
   * A signed OpenID Connect ID token for {@code user}, issued to {@code clientId}, echoing the
   * {@code nonce} of the authorization request (null: none was sent).
   */
  public String idToken(DemoUser user, String clientId, String nonce, Instant authenticatedAt) {
    Instant now = clock.instant();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(user.name())
            .audience(List.of(clientId))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.tokenValidity())))
            .claim("auth_time", authenticatedAt.getEpochSecond())
            .claim("name", user.name())
            .claim("preferred_username", user.name());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    return sign(claims.build());
  }

  private String sign(JWTClaimsSet claims) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(keyId)
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a dev token", e);
    }
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
}
