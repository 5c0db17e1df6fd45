package fr.passerelle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.reporting.review.TestReviews;
import fr.passerelle.testsupport.TestEvents;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * reporting-service killed in the middle of an activation comes back with the generation that was
 * active, its figures intact, rather than with a new empty one.
 */
class ReadModelRecoveryIT {

  private static final String NAME = "reporting-recovery";
  private static final String REVIEW = "/api/departements/974/reports/review?year=2040";

  @BeforeAll
  static void topicsExist() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
    TestEvents.ensureTopic(DecisionEvents.TOPIC, 3);
    TestEvents.ensureTopic(BenefitsEvents.TOPIC, 3);
  }

  @Test
  void anActivationInterruptedBetweenItsStepsLeavesTheLastActiveGenerationServing() {
    TestReviews.validatedPathways("974", 2040, 3);
    String review;
    ReadModelGenerations.Generation live;
    ReadModelGenerations.Generation interrupted;
    java.util.List<Integer> numbers;
    try (var instance = ReportingInstance.start(NAME)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(instance.staffOf("974").get(REVIEW).body())
                      .contains("\"validated\":3"));
      review = instance.staffOf("974").get(REVIEW).body();
      var generations = instance.bean(ReadModelGenerations.class);
      live = generations.active();
      interrupted = generations.create();
      numbers = generations.all().stream().map(ReadModelGenerations.Generation::number).toList();
      // killed after the first of the two separate updates an activation used to make
      instance
          .jdbc()
          .update(
              "UPDATE public.read_model_generation SET status = 'RETIRED' WHERE status = 'ACTIVE'");
    }

    try (var restarted = ReportingInstance.start(NAME)) {
      var generations = restarted.bean(ReadModelGenerations.class);

      assertThat(generations.active()).isEqualTo(live);
      assertThat(restarted.staffOf("974").get(REVIEW).body()).isEqualTo(review);
      // no new generation: the one that was active serves again
      assertThat(generations.all())
          .extracting(ReadModelGenerations.Generation::number)
          .containsExactlyElementsOf(numbers);
      assertThat(generations.all())
          .filteredOn(g -> g.number() == interrupted.number())
          .extracting(ReadModelGenerations.Generation::status)
          .containsExactly("BUILDING");
    }
  }
}
