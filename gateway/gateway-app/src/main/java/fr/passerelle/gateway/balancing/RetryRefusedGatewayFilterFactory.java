package fr.passerelle.gateway.balancing;

import java.net.ConnectException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Route filter {@code RetryRefused}: a call whose connection an instance refused is sent again,
 * whatever its method, to the instance the balancer chooses then (another one, see {@link
 * RefusedInstances}). A refused connection never reached the service, so sending the call again
 * cannot apply it twice; a call already sent is retried by the route's own {@code Retry} filter,
 * for GET only. Nothing else is retried here: no status, no timeout, no other exception.
 */
@Component
public class RetryRefusedGatewayFilterFactory
    extends AbstractGatewayFilterFactory<RetryRefusedGatewayFilterFactory.Config> {

  private final RetryGatewayFilterFactory retry = new RetryGatewayFilterFactory();

  public RetryRefusedGatewayFilterFactory() {
    super(Config.class);
  }

  @Override
  public GatewayFilter apply(Config config) {
    RetryConfig refusals = new RetryConfig();
    refusals.setRetries(config.getRetries());
    refusals.setMethods(HttpMethod.values());
    refusals.setSeries();
    refusals.setStatuses();
    refusals.setExceptions(ConnectException.class);
    return retry.apply(refusals);
  }

  /** How many times a refused call is sent again (each time to the instance chosen then). */
  public static class Config {

    private int retries = 2;

    public int getRetries() {
      return retries;
    }

    public void setRetries(int retries) {
      this.retries = retries;
    }
  }
}
