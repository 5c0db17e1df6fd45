package fr.passerelle.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class BenefitsServiceIT {

  @LocalServerPort int port;

  @Test
  void isReadyOnlyWithItsDatabaseAndKafka() {
    var readiness = TestHttp.onPort(port).get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    var health = TestHttp.onPort(port).get("/actuator/health/liveness");
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void createsItsTopicWithItsHistoryKeptForever() {
    var topic = Topics.describe(BenefitsEvents.TOPIC);

    assertThat(topic.partitions()).isEqualTo(6);
    assertThat(topic.retentionMs()).isEqualTo("-1");
  }
}
