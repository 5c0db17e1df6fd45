package fr.passerelle.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a service's edge ({@code passerelle.edge.*}).
 *
 * @param maxBodySize the largest request body accepted; larger ones get a 413 problem
 */
@ConfigurationProperties("passerelle.edge")
public record EdgeProperties(@DefaultValue("256KB") DataSize maxBodySize) {}
