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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A local identity provider for development and demos, only under the {@code dev} profile: an RSA
 * key generated at start (never stored), its JWK set, and RS256 tokens for demo users, with the
 * same claims as a real provider's.
 */
@Component
@Profile("dev")
public class DevIssuer {

  public static final String JWKS_PATH = "/dev/jwks.json";
  public static final String TOKENS_PATH = "/dev/tokens";

  private final KeyPair keys = newKeyPair();
  private final String keyId = UUID.randomUUID().toString();
  private final String issuer;
  private final String audience;
  private final DevProperties properties;
  private final Clock clock;

  public DevIssuer(
      @Value("${passerelle.security.jwt.issuer}") String issuer,
      @Value("${passerelle.security.jwt.audience:passerelle}") String audience,
      DevProperties properties) {
    this.issuer = issuer;
    this.audience = audience;
    this.properties = properties;
    this.clock = Clock.systemUTC();
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

  /** A signed token for {@code user}. */
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
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(keyId)
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims.build());
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
