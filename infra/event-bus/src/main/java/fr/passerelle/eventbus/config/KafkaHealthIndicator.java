package fr.passerelle.eventbus.config;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the Kafka cluster answers a describe-cluster request within two seconds. One admin client
 * serves every check (readiness is probed every few seconds), closed with the context.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final int TIMEOUT_MS = 2_000;

  private final AdminClient admin;

  public KafkaHealthIndicator(Map<String, Object> adminProperties) {
    super("Kafka health check failed");
    this.admin = AdminClient.create(adminProperties);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
    int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("brokers", brokers);
  }

  @Override
  public void destroy() {
    admin.close();
  }
}
