package fr.passerelle.gateway.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How people sign in with a browser ({@code passerelle.web.sign-in.*}): the gateway is a
 * confidential OpenID Connect client of the platform's identity provider (the issuer of {@code
 * passerelle.security.jwt.issuer}, discovered at its {@code .well-known/openid-configuration}).
 * Under the {@code dev} profile the dev issuer is that provider and these settings are not read.
 *
 * @param clientId the gateway's client id at the provider; blank: no browser sign-in (the API still
 *     serves bearer tokens)
 * @param clientSecret its secret
 * @param sessionCookieName the gateway's session cookie (WebFlux's default, {@code SESSION})
 */
@ConfigurationProperties("passerelle.web.sign-in")
public record SignInProperties(String clientId, String clientSecret, String sessionCookieName) {

  public SignInProperties {
    sessionCookieName = StringUtils.hasText(sessionCookieName) ? sessionCookieName : "SESSION";
  }

  boolean configured() {
    return StringUtils.hasText(clientId);
  }
}
