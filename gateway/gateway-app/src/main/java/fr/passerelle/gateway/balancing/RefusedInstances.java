package fr.passerelle.gateway.balancing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * The instances that refused a connection lately: a killed or stopped instance refuses every
 * connection at once, and the balancer passes it over for {@link BalancingProperties#refusedFor()}
 * after each refusal, so that the retry of the refused call (route filter {@code RetryRefused}) and
 * the calls after it go to an instance that listens. When every instance of a service refused, all
 * are tried again: one may be back.
 *
 * <p>It learns of the refusals as a load-balancer lifecycle: the gateway tells it how each call to
 * the instance it chose ended.
 */
public class RefusedInstances implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

  private final Duration refusedFor;
  private final Clock clock;
  private final Map<URI, Instant> refusedAt = new ConcurrentHashMap<>();

  public RefusedInstances(Duration refusedFor, Clock clock) {
    this.refusedFor = refusedFor;
    this.clock = clock;
  }

  /** The instances not passed over now: those that did not refuse lately, or all if none. */
  List<ServiceInstance> available(List<ServiceInstance> instances) {
    Instant now = clock.instant();
    List<ServiceInstance> listening =
        instances.stream().filter(instance -> !refusedLately(instance.getUri(), now)).toList();
    return listening.isEmpty() ? instances : listening;
  }

  private boolean refusedLately(URI instance, Instant now) {
    Instant refused = refusedAt.get(instance);
    if (refused == null) {
      return false;
    }
    if (now.isBefore(refused.plus(refusedFor))) {
      return true;
    }
    refusedAt.remove(instance, refused);
    return false;
  }

  /** Records that {@code instance} refused a connection now. */
  void refused(URI instance) {
    refusedAt.put(instance, clock.instant());
  }

  @Override
  public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
    Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
    if (completion.status() == CompletionContext.Status.FAILED
        && isRefusal(completion.getThrowable())
        && chosen != null
        && chosen.hasServer()) {
      refused(chosen.getServer().getUri());
    }
  }

  /** A refused connection: the request never reached the service. */
  static boolean isRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void onStart(Request<Object> request) {}

  @Override
  public void onStartRequest(Request<Object> request, Response<ServiceInstance> response) {}
}
