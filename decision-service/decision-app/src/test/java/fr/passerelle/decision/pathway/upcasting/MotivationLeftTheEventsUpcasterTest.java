package fr.passerelle.decision.pathway.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import org.junit.jupiter.api.Test;

class MotivationLeftTheEventsUpcasterTest {

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void anAuthorisationRecordedWithItsMotivationIsReadWithoutIt() throws Exception {
    var revisionNone =
        json.readTree(
            """
            {"dossierId":"d-1","departmentCode":"31",
             "profile":{"personId":"p-1","nationality":"NG","ageBand":"FROM_25_TO_34",
                        "children":1,"traffickingVictim":true,"monthlyResources":120,
                        "receivesRsa":false,"receivesAda":false,"associationId":"a-1"},
             "decidedOn":"2019-04-18","startDate":"2019-05-01","endDate":"2019-10-31",
             "motivation":"Mme X. a signé ses engagements"}""");

    var upcast = MotivationLeftTheEventsUpcaster.toRevision2(revisionNone);

    assertThat(upcast.toString()).doesNotContain("motivation", "Mme X.");
    PathwayAuthorised read = json.treeToValue(upcast, PathwayAuthorised.class);
    assertThat(read.decisionId()).isNull();
    assertThat(read.endDate()).hasToString("2019-10-31");
  }
}
