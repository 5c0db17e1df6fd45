package fr.passerelle.gateway.balancing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The instances of each service ({@code passerelle.gateway.balancing.*}): its base URLs by service
 * id (the {@code lb://} host of its routes), from a comma-separated list such as {@code
 * DOSSIER_SERVICE_URL=http://127.0.0.1:8081,http://127.0.0.1:8181}; one URL is one instance.
 *
 * @param services each service's instances, by service id
 * @param refusedFor how long an instance that refused a connection is passed over (while another is
 *     not), so that the retry of that call and the next calls go to the others
 */
@ConfigurationProperties("passerelle.gateway.balancing")
public record BalancingProperties(
    Map<String, List<URI>> services, @DefaultValue("5s") Duration refusedFor) {

  public BalancingProperties {
    services = services == null ? Map.of() : Map.copyOf(services);
  }

  /** The instances of {@code serviceId}, none when it is not configured. */
  List<URI> instances(String serviceId) {
    return services.getOrDefault(serviceId, List.of());
  }
}
