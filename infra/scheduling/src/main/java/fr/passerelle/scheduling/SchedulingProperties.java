package fr.passerelle.scheduling;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's scheduler polls ({@code passerelle.scheduling.*}). The defaults suit a small
 * machine: work that is due waits at most one polling interval, which is nothing for a term that
 * ends on a given day, and an idle service costs one indexed query per interval.
 *
 * @param pollingInterval how often each instance looks for due executions
 * @param threads executions run at once by one instance
 * @param heartbeatInterval how often a running execution says it is alive; six missed heartbeats
 *     and another instance takes it over
 * @param shutdownMaxWait how long a stopping instance waits for its running executions
 * @param zone where "today" is read: the day a French département lives in
 */
@ConfigurationProperties("passerelle.scheduling")
public record SchedulingProperties(
    @DefaultValue("10s") Duration pollingInterval,
    @DefaultValue("2") int threads,
    @DefaultValue("1m") Duration heartbeatInterval,
    @DefaultValue("10s") Duration shutdownMaxWait,
    @DefaultValue("Europe/Paris") ZoneId zone) {}
