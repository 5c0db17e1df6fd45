package fr.passerelle.gateway.signin;

import fr.passerelle.edge.security.PasserelleUser;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in with a browser: their OpenID Connect identity, and what the platform lets them
 * do, read from the access token the gateway relays for them (the claims every service checks).
 */
public final class SignedInUser extends DefaultOidcUser {

  private final transient PasserelleUser passerelleUser;

  SignedInUser(
      PasserelleUser passerelleUser,
      Collection<? extends GrantedAuthority> authorities,
      OidcUser identity) {
    super(authorities, identity.getIdToken(), identity.getUserInfo(), "sub");
    this.passerelleUser = passerelleUser;
  }

  public PasserelleUser passerelleUser() {
    return passerelleUser;
  }
}
