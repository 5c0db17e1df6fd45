package fr.passerelle.gateway.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes and refresh tokens of the dev sign-in: one use each, bound to what they were given for. */
class DevGrantsTest {

  private static final String CLIENT = "passerelle-web";
  private static final String CALLBACK = "http://127.0.0.1:8080/login/oauth2/code/passerelle";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final DemoUser PREFECTURE =
      new DemoUser("prefecture-31", "PREFECTURE", List.of("31"), null);

  private final MutableClock clock = new MutableClock();
  private final DevGrants grants = new DevGrants(Duration.ofHours(8), clock);

  @Test
  void theChallengeIsTheBase64UrlSha256OfTheVerifierAsRfc7636Says() {
    // RFC 7636, appendix B.
    assertThat(DevGrants.challengeOf(VERIFIER))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void aCodeIsRedeemedOnceWithItsVerifierForItsClientAndCallback() {
    String code = newCode();

    assertThat(grants.redeemCode(code, CLIENT, CALLBACK, VERIFIER)).isPresent();
    assertThat(grants.redeemCode(code, CLIENT, CALLBACK, VERIFIER)).isEmpty();
  }

  @Test
  void aCodeWithTheWrongVerifierClientOrCallbackIsRefusedAndUsedUp() {
    String wrongVerifier = newCode();
    String wrongClient = newCode();
    String wrongCallback = newCode();

    assertThat(grants.redeemCode(wrongVerifier, CLIENT, CALLBACK, VERIFIER + "x")).isEmpty();
    assertThat(grants.redeemCode(wrongVerifier, CLIENT, CALLBACK, VERIFIER)).isEmpty();
    assertThat(grants.redeemCode(wrongClient, "another", CALLBACK, VERIFIER)).isEmpty();
    assertThat(grants.redeemCode(wrongCallback, CLIENT, CALLBACK + "x", VERIFIER)).isEmpty();
  }

  @Test
  void aCodeExpiresAfterAMinute() {
    String code = newCode();
    clock.advance(DevGrants.CODE_VALIDITY.plusSeconds(1));

    assertThat(grants.redeemCode(code, CLIENT, CALLBACK, VERIFIER)).isEmpty();
  }

  @Test
  void aRefreshTokenIsUsedOnceAndEndsWithTheSession() {
    DevGrants.Grant signedIn =
        grants.redeemCode(newCode(), CLIENT, CALLBACK, VERIFIER).orElseThrow();
    String first = grants.newRefreshToken(signedIn);
    DevGrants.Grant renewed = grants.redeemRefreshToken(first, CLIENT).orElseThrow();
    String second = grants.newRefreshToken(renewed);

    assertThat(renewed.user()).isEqualTo(PREFECTURE);
    assertThat(grants.redeemRefreshToken(first, CLIENT)).isEmpty();
    clock.advance(Duration.ofHours(8).plusSeconds(1));
    assertThat(grants.redeemRefreshToken(second, CLIENT)).isEmpty();
  }

  private String newCode() {
    return grants.newCode(PREFECTURE, CLIENT, CALLBACK, DevGrants.challengeOf(VERIFIER), "n");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
