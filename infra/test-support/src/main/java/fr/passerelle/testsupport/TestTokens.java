package fr.passerelle.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens as the platform's identity provider would sign them, for tests: one RSA key pair per test
 * JVM, whose public key the services under test trust ({@link #publicKeyPem()}). Also the bad ones:
 * expired, for another audience, signed by another key.
 */
public final class TestTokens {

  public static final String ISSUER = "https://passerelle.test/issuer";
  public static final String AUDIENCE = "passerelle";

  private static final KeyPair KEYS = newKeyPair();
  private static final KeyPair OTHER_KEYS = newKeyPair();
  private static Path publicKeyPem;

  private TestTokens() {}

  /** A valid token of {@code username} with {@code roles} on {@code departements}. */
  public static String token(String username, List<String> roles, List<String> departements) {
    return sign(
        KEYS, claims(username, roles, departements, null, AUDIENCE, Duration.ofMinutes(10)));
  }

  /** A valid token of an association's member, for its départements. */
  public static String association(String associationId, String... departements) {
    return sign(
        KEYS,
        claims(
            "association-" + associationId,
            List.of("ASSOCIATION"),
            List.of(departements),
            associationId,
            AUDIENCE,
            Duration.ofMinutes(10)));
  }

  /** A valid token of a member of staff with one role on {@code departements}. */
  public static String staff(String role, String... departements) {
    return token(role.toLowerCase() + "-user", List.of(role), List.of(departements));
  }

  public static String expired(String role, String departement) {
    return sign(
        KEYS,
        claims(
            "expired",
            List.of(role),
            List.of(departement),
            null,
            AUDIENCE,
            Duration.ofMinutes(-10)));
  }

  /** A token that never expires: no {@code exp} claim. */
  public static String withoutExpiry(String role, String departement) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(
                claims(
                    "forever",
                    List.of(role),
                    List.of(departement),
                    null,
                    AUDIENCE,
                    Duration.ofMinutes(10)))
            .expirationTime(null)
            .build();
    return sign(KEYS, claims);
  }

  public static String forAnotherAudience(String role, String departement) {
    return sign(
        KEYS,
        claims(
            "other",
            List.of(role),
            List.of(departement),
            null,
            "another-api",
            Duration.ofMinutes(10)));
  }

  public static String signedByAnotherKey(String role, String departement) {
    return sign(
        OTHER_KEYS,
        claims(
            "forger", List.of(role), List.of(departement), null, AUDIENCE, Duration.ofMinutes(10)));
  }

  /** The PEM file of the public key the services under test trust, written once. */
  public static synchronized Path publicKeyPem() {
    if (publicKeyPem == null) {
      try {
        publicKeyPem = Files.createTempFile("passerelle-test-key-", ".pem");
        publicKeyPem.toFile().deleteOnExit();
        String body =
            Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(KEYS.getPublic().getEncoded());
        Files.writeString(
            publicKeyPem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return publicKeyPem;
  }

  private static JWTClaimsSet claims(
      String username,
      List<String> roles,
      List<String> departements,
      String associationId,
      String audience,
      Duration validity) {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .subject(username)
            .issuer(ISSUER)
            .audience(audience)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
            .expirationTime(Date.from(now.plus(validity)))
            .claim("roles", roles)
            .claim("departements", departements);
    if (associationId != null) {
      claims.claim("association", associationId);
    }
    return claims.build();
  }

  private static String sign(KeyPair keys, JWTClaimsSet claims) {
    try {
      var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
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
