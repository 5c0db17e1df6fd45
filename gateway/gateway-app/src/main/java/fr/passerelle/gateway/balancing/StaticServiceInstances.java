package fr.passerelle.gateway.balancing;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances of one service as configured ({@link BalancingProperties}), less those that refused
 * a connection lately ({@link RefusedInstances}): no registry to run, the platform's launcher (or
 * the deployment) names them.
 */
final class StaticServiceInstances implements ServiceInstanceListSupplier {

  private final String serviceId;
  private final List<ServiceInstance> instances;
  private final RefusedInstances refused;

  StaticServiceInstances(String serviceId, List<URI> urls, RefusedInstances refused) {
    if (urls.isEmpty()) {
      throw new IllegalStateException(
          "no instance of " + serviceId + " (passerelle.gateway.balancing.services)");
    }
    this.serviceId = serviceId;
    this.refused = refused;
    this.instances =
        urls.stream()
            .map(
                url ->
                    (ServiceInstance)
                        new DefaultServiceInstance(
                            serviceId + "@" + url.getAuthority(),
                            serviceId,
                            url.getHost(),
                            url.getPort() < 0 ? defaultPort(url) : url.getPort(),
                            "https".equals(url.getScheme())))
            .toList();
  }

  private static int defaultPort(URI url) {
    return "https".equals(url.getScheme()) ? 443 : 80;
  }

  @Override
  public String getServiceId() {
    return serviceId;
  }

  @Override
  public Flux<List<ServiceInstance>> get() {
    return Flux.defer(() -> Flux.just(refused.available(instances)));
  }
}
