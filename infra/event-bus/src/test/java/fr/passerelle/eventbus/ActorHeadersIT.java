package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.edge.route.Caller;
import fr.passerelle.edge.route.Route;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acted travels with the events a request causes: the caller's token subject and the roles the
 * route let them act under become the {@code x-actor-*} headers of the published records.
 */
@SpringBootTest(classes = TestApplication.class)
@ContextConfiguration(initializers = PasserelleInfrastructureInitializer.class)
class ActorHeadersIT {

  @Autowired CommandGateway commands;

  @Test
  void anEventCausedByACallCarriesItsCallerAndTheRolesTheRouteAllowed() {
    String dossier = UUID.randomUUID().toString();
    Route decisions =
        Routes.all().stream()
            .filter(route -> route.path().endsWith("/prefecture/decisions"))
            .findFirst()
            .orElseThrow();
    PasserelleUser prefect =
        new PasserelleUser(
            "prefecture-31", EnumSet.of(Role.PREFECTURE, Role.ANALYST), Set.of("31"), null);

    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(
        Caller.class.getName(),
        new Caller(prefect, decisions, Map.of(Route.DEPARTMENT_VARIABLE, "31")));
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    try {
      commands.sendAndWait(new TestApplication.Shout(dossier, "decided"));
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }

    ConsumerRecord<String, String> record = published(dossier);
    assertThat(header(record, CloudEventHeaders.ACTOR_SUBJECT)).isEqualTo("prefecture-31");
    assertThat(header(record, CloudEventHeaders.ACTOR_ROLES)).isEqualTo("PREFECTURE");
  }

  @Test
  void anEventThePlatformCausedByItselfNamesNoActor() {
    String dossier = UUID.randomUUID().toString();

    commands.sendAndWait(new TestApplication.Shout(dossier, "by-itself"));

    ConsumerRecord<String, String> record = published(dossier);
    assertThat(record.headers().lastHeader(CloudEventHeaders.ACTOR_SUBJECT)).isNull();
    assertThat(record.headers().lastHeader(CloudEventHeaders.ACTOR_ROLES)).isNull();
  }

  private static ConsumerRecord<String, String> published(String dossier) {
    try (var topic = new TopicReader(TestApplication.TOPIC)) {
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> topic.readAll().stream().filter(r -> dossier.equals(r.key())).findFirst(),
              Optional::isPresent)
          .orElseThrow();
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
