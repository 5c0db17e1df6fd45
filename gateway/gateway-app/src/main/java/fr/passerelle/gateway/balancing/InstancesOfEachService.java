package fr.passerelle.gateway.balancing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The configuration of each service's load-balancer context (not a component: Spring Cloud
 * LoadBalancer instantiates it once per service, with the service id in its environment).
 */
class InstancesOfEachService {

  @Bean
  ServiceInstanceListSupplier instancesOfTheService(
      Environment environment, BalancingProperties properties, RefusedInstances refused) {
    String serviceId = LoadBalancerClientFactory.getName(environment);
    return new StaticServiceInstances(serviceId, properties.instances(serviceId), refused);
  }
}
