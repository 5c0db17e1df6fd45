package fr.passerelle.dossier.intake.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DossierSubmittedUpcasterTest {

  private final ObjectMapper axonJson = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void aSkeletonSubmissionIsReadAsRevisionTwo() throws Exception {
    JsonNode revisionNone =
        axonJson.readTree(
            """
            {"dossierId":"d-1","departmentCode":"31","nationality":"NG","children":2,
             "traffickingVictim":true,"submittedAt":1552555800.000000000}""");

    DossierSubmitted upcast =
        axonJson.treeToValue(
            DossierSubmittedUpcaster.toRevision2(revisionNone), DossierSubmitted.class);

    assertThat(upcast.dossierId()).isEqualTo("d-1");
    assertThat(upcast.departmentCode()).isEqualTo("31");
    assertThat(upcast.personId()).isEqualTo("d-1");
    assertThat(upcast.content().nationality()).isEqualTo("NG");
    assertThat(upcast.content().children()).isEqualTo(2);
    assertThat(upcast.content().traffickingVictim()).isTrue();
    assertThat(upcast.content().plannedActions()).isEmpty();
    assertThat(upcast.ageBand()).isNull();
    assertThat(upcast.submittedAt()).isEqualTo(Instant.parse("2019-03-14T09:30:00Z"));
  }

  @Test
  void aSubmissionRecordedWithoutItsDateIsReadWithoutOne() throws Exception {
    JsonNode revision2 =
        axonJson.readTree(
            """
            {"dossierId":"d-1","departmentCode":"31","personId":"p-1",
             "content":{"nationality":"NG","children":2,"traffickingVictim":true,
                        "plannedActions":[]},
             "ageBand":"FROM_25_TO_34","submittedAt":1552555800.000000000}""");

    DossierSubmitted upcast =
        axonJson.treeToValue(
            DossierSubmittedUpcaster.toRevision4(DossierSubmittedUpcaster.toRevision3(revision2)),
            DossierSubmitted.class);

    assertThat(upcast.personPseudonym()).isNull();
    assertThat(upcast.submittedOn()).isNull();
    assertThat(upcast.submittedAt()).isEqualTo(Instant.parse("2019-03-14T09:30:00Z"));
  }
}
