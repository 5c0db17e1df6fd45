package fr.passerelle.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway accepts ({@code passerelle.gateway.max-body-size}): a
 * dossier with every field filled is a few kilobytes; anything near the limit is a mistake or an
 * attack.
 */
@ConfigurationProperties("passerelle.gateway")
public record BodyLimitProperties(@DefaultValue("256KB") DataSize maxBodySize) {}
