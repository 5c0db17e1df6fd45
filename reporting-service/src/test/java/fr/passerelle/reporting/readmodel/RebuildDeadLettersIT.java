package fr.passerelle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.eventbus.consume.DeadLetter;
import fr.passerelle.eventbus.consume.EventConsumers;
import fr.passerelle.testsupport.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuilt generation whose consumers dead-lettered events is not switched to: the rebuild says it
 * is blocked and why, the operator deals with the letters in that generation, and the switch
 * happens then.
 */
class RebuildDeadLettersIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void topicsExist() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
    TestEvents.ensureTopic(ProbeConsumer.TOPIC, 3);
  }

  @AfterEach
  void noPoison() {
    ProbeConsumer.POISON.clear();
  }

  @Test
  void aGenerationWithDeadLettersIsNotSwitchedToUntilTheyAreDealtWith() {
    String dossier = UUID.randomUUID().toString();
    ProbeConsumer.POISON.add("breaks-the-projection");
    try (var instance =
        ReportingInstance.start("reporting-letters", new Class<?>[] {ProbeConsumer.class})) {
      var admin = instance.admin();
      var generations = instance.bean(ReadModelGenerations.class);
      int live = generations.active().number();
      ProbeConsumer.send(dossier, "breaks-the-projection");
      ProbeConsumer.send(dossier, "comes-after");
      // a record only the ledger reads: were a rebuild to read for the ledger, it would count it
      ProbeConsumer.send(DossierEvents.TOPIC, "fr.passerelle.test.LedgerOnly", dossier, "ledger");
      var consumers = instance.bean(EventConsumers.class);
      await().atMost(Duration.ofSeconds(60)).until(() -> consumers.live().lag() == 0);
      double ledgerBefore = consumedBy(instance, "audit-ledger");
      assertThat(ledgerBefore).as("the live ledger's deliveries").isPositive();

      var started = admin.postJson("/admin/read-models/rebuild", "");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      int building = instance.bean(ReadModelRebuild.class).progress().orElseThrow().generation();

      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () ->
                  assertThat(admin.get("/admin/read-models").body())
                      .contains(
                          "\"generation\":" + building + ",\"status\":\"BLOCKED\",\"remaining\":0",
                          "\"deadLetters\":{\"failed\":1,\"parked\":1}"));
      assertThat(generations.active().number()).isEqualTo(live);
      assertThat(ReportingInstance.rebuildGroups("reporting-letters", building))
          .as("a group per topic, whose records go to every consumer of the topic")
          .containsExactlyInAnyOrder(
              "reporting-letters." + ProbeConsumer.TOPIC + ".g" + building,
              "reporting-letters." + DossierEvents.TOPIC + ".g" + building,
              "reporting-letters." + DecisionEvents.TOPIC + ".g" + building,
              "reporting-letters." + BenefitsEvents.TOPIC + ".g" + building);
      assertThat(consumedBy(instance, "audit-ledger"))
          .as("the ledger is kept beside the generations: a rebuild does not read it again")
          .isEqualTo(ledgerBefore);

      String letters = "/admin/read-models/generations/" + building + "/dead-letters";
      DeadLetter[] inNewGeneration =
          JSON.readValue(admin.get(letters + "?consumer=probes").body(), DeadLetter[].class);
      assertThat(inNewGeneration)
          .extracting(DeadLetter::status)
          .containsExactly(DeadLetter.FAILED, DeadLetter.PARKED);
      ProbeConsumer.POISON.clear();

      var retried = admin.postJson(letters + "/" + inNewGeneration[0].id() + "/retry", "");

      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
      assertThat(retried.body()).contains("\"applied\":true", "\"released\":1");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(generations.active().number()).isEqualTo(building));
      assertThat(admin.get("/admin/read-models").body())
          .contains("\"generation\":" + building + ",\"status\":\"SWITCHED\"");
    }
  }

  /** The records delivered to {@code consumer} until now, whatever their outcome. */
  private static double consumedBy(ReportingInstance instance, String consumer) {
    return instance
        .bean(MeterRegistry.class)
        .find("passerelle.eventbus.consumed")
        .tag("consumer", consumer)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
