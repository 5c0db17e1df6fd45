package fr.passerelle.decision.config;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the procedure that the law leaves to configuration ({@code passerelle.decision.*}).
 *
 * @param quorumFraction the fraction of the commission's members who must be present or represented
 *     on a first convocation
 * @param authorisationMonths how many months one authorisation of the préfet lasts, at least
 * @param maximumMonths how many months all of a pathway's authorisations may total
 * @param termEndGrace how long after its term has passed (its last day over in its département) a
 *     pathway that nobody renewed ends (ADR 16)
 */
@ConfigurationProperties("passerelle.decision")
record DecisionProperties(
    @DefaultValue("0.5") BigDecimal quorumFraction,
    @DefaultValue("6") int authorisationMonths,
    @DefaultValue("24") int maximumMonths,
    @DefaultValue("30d") Duration termEndGrace) {}
