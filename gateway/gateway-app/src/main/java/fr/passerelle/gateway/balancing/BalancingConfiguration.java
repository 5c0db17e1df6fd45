package fr.passerelle.gateway.balancing;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each route ({@code lb://<service id>}) balanced round robin across the instances of its service
 * that the configuration names (ADR 46), by Spring Cloud LoadBalancer, whose per-service contexts
 * take their instance list from {@link InstancesOfEachService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingProperties.class)
@LoadBalancerClients(defaultConfiguration = InstancesOfEachService.class)
public class BalancingConfiguration {

  @Bean
  RefusedInstances refusedInstances(BalancingProperties properties) {
    return new RefusedInstances(properties.refusedFor(), Clock.systemUTC());
  }
}
