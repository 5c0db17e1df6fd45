package fr.passerelle.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the tokens come from ({@code passerelle.security.jwt.*}), as for the services: any OIDC
 * provider's issuer and JWK set, or an RSA public key (PEM; tests). Under the {@code dev} profile,
 * with neither set, the gateway trusts its own dev issuer's key.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must include
 * @param jwkSetUri where the provider publishes its signing keys
 * @param publicKey an RSA public key (PEM) instead of a JWK set
 */
@ConfigurationProperties("passerelle.security.jwt")
public record JwtProperties(
    String issuer,
    @DefaultValue("passerelle") String audience,
    String jwkSetUri,
    Resource publicKey) {}
