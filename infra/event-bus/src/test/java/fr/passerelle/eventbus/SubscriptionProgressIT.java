package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A subscription's progress (what a rebuild reads four times a second, and again and again while it
 * switches over) is read with one admin client for as long as the subscription runs: each new
 * client signs in to the broker again, a SCRAM exchange of thousands of HMAC rounds on both sides.
 * The client is closed when the subscription stops.
 */
@SpringBootTest(
    classes = TestApplication.class,
    properties = "spring.application.name=" + SubscriptionProgressIT.APPLICATION)
@ContextConfiguration(initializers = PasserelleInfrastructureInitializer.class)
class SubscriptionProgressIT {

  static final String APPLICATION = "eventbus-subscription-progress";
  private static final String ADMIN_CLIENTS = "kafka.admin.client:type=app-info,id=*";

  @Autowired EventConsumers consumers;

  @Test
  void progressIsReadWithOneAdminClientUntilTheSubscriptionStops() throws Exception {
    String dossier = UUID.randomUUID().toString();
    TestApplication.send(dossier, "progress");
    String suffix = "progress-" + UUID.randomUUID().toString().substring(0, 8);
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    List<ObjectName> opened = new CopyOnWriteArrayList<>();
    ObjectName pattern = new ObjectName(ADMIN_CLIENTS);
    NotificationListener listener =
        (notification, handback) -> {
          if (notification instanceof MBeanServerNotification registration
              && MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(registration.getType())
              && pattern.apply(registration.getMBeanName())) {
            opened.add(registration.getMBeanName());
          }
        };
    server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
    EventConsumers.Subscription subscription = consumers.subscribe(suffix, Runnable::run, 1);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> subscription.lag() == 0);
      for (int reading = 0; reading < 10; reading++) {
        var mark = subscription.ends();
        assertThat(subscription.behind(mark)).isZero();
      }
      assertThat(opened).as("admin clients opened to read the progress").hasSize(1);
      assertThat(server.queryNames(opened.get(0), null)).isNotEmpty();
    } finally {
      subscription.stop();
      server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener);
      consumers.deleteGroups(suffix, Duration.ofSeconds(30));
    }
    Set<ObjectName> stillOpen = server.queryNames(opened.get(0), null);
    assertThat(stillOpen).as("the subscription's admin client, once it stopped").isEmpty();
  }
}
