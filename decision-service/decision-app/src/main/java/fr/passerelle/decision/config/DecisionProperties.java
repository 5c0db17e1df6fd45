package fr.passerelle.decision.config;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the procedure that the law leaves to configuration ({@code passerelle.decision.*}).
 *
 * @param quorumFraction the fraction of the commission's members who must be present or represented
 *     on a first convocation
 * @param authorisationMonths how many months one authorisation of the préfet lasts
 */
@ConfigurationProperties("passerelle.decision")
record DecisionProperties(
    @DefaultValue("0.5") BigDecimal quorumFraction, @DefaultValue("6") int authorisationMonths) {}
