package fr.passerelle.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the tokens come from ({@code passerelle.security.jwt.*}): any OIDC provider's issuer and
 * JWK set, or a public key (tests).
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must include
 * @param jwkSetUri where the provider publishes its signing keys
 * @param publicKey an RSA public key (PEM) instead of a JWK set
 */
@ConfigurationProperties("passerelle.security.jwt")
public record SecurityProperties(
    String issuer,
    @DefaultValue("passerelle") String audience,
    String jwkSetUri,
    Resource publicKey) {}
