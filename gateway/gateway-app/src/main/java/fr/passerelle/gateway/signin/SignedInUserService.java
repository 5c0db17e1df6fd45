package fr.passerelle.gateway.signin;

import fr.passerelle.edge.security.PasserelleUser;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Signs a person in once their ID token is validated: their access token must also pass the checks
 * every service makes (signature, issuer, audience {@code passerelle}, expiry, subject), and its
 * claims, not the ID token's, say what they may do. An access token the platform would refuse fails
 * the sign-in, rather than every call after it.
 */
final class SignedInUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcReactiveOAuth2UserService identities = new OidcReactiveOAuth2UserService();
  private final ReactiveJwtDecoder accessTokens;

  SignedInUserService(ReactiveJwtDecoder accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public Mono<OidcUser> loadUser(OidcUserRequest request) {
    return identities
        .loadUser(request)
        .flatMap(
            identity ->
                accessTokens
                    .decode(request.getAccessToken().getTokenValue())
                    .map(
                        jwt -> {
                          PasserelleUser user = PasserelleUser.from(jwt);
                          List<GrantedAuthority> authorities =
                              user.roles().stream()
                                  .<GrantedAuthority>map(
                                      role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                                  .toList();
                          return new SignedInUser(user, authorities, identity);
                        })
                    .onErrorMap(
                        JwtException.class,
                        refused ->
                            new OAuth2AuthenticationException(
                                new OAuth2Error(
                                    "invalid_token",
                                    "access token refused by the platform: " + refused.getMessage(),
                                    null),
                                refused)));
  }
}
