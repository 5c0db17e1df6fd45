package fr.passerelle.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** What the gateway and every service accept as a token, and what they refuse. */
class TokenValidationTest {

  private static final String ISSUER = "https://idp.example/realms/passerelle";

  private final OAuth2TokenValidator<Jwt> validator =
      TokenValidation.validator(new SecurityProperties(ISSUER, "passerelle", null, null));

  @Test
  void aTokenOfTheIssuerForThePlatformWithinItsLifetimeIsAccepted() {
    assertThat(validator.validate(token(UnaryOperator.identity())).hasErrors()).isFalse();
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    Jwt forever = token(claims -> claims.claims(all -> all.remove("exp")));

    assertThat(forever.getExpiresAt()).isNull();
    assertThat(validator.validate(forever).hasErrors()).isTrue();
  }

  @Test
  void aTokenWithoutSubjectIsRefused() {
    Jwt nobody = token(claims -> claims.claims(all -> all.remove("sub")));

    assertThat(validator.validate(nobody).hasErrors()).isTrue();
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant past = Instant.now().minus(Duration.ofHours(1));

    assertThat(
            validator
                .validate(token(claims -> claims.issuedAt(past.minusSeconds(60)).expiresAt(past)))
                .hasErrors())
        .isTrue();
  }

  @Test
  void aTokenOfAnotherIssuerOrForAnotherAudienceIsRefused() {
    assertThat(
            validator.validate(token(claims -> claims.issuer("https://evil.example"))).hasErrors())
        .isTrue();
    assertThat(
            validator
                .validate(token(claims -> claims.audience(List.of("another-api"))))
                .hasErrors())
        .isTrue();
  }

  private static Jwt token(UnaryOperator<Jwt.Builder> change) {
    Instant now = Instant.now();
    Jwt.Builder builder =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuer(ISSUER)
            .subject("secretariat-31")
            .audience(List.of("passerelle"))
            .issuedAt(now.minusSeconds(60))
            .expiresAt(now.plus(Duration.ofMinutes(10)))
            .claim(PasserelleUser.ROLES, List.of("SECRETARIAT"))
            .claim(PasserelleUser.DEPARTEMENTS, List.of("31"));
    return change.apply(builder).build();
  }
}
