package fr.passerelle.decision.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.Sessions;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.PersonalDataErased;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The préfet's motivations, which may name the person, are deleted when the person's data is
 * erased, and only theirs; the decisions stay, and an erasure delivered again changes nothing more.
 */
@ServiceIntegrationTest
class MotivationErasureIT {

  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");
  private static final String GOLDEN_DOSSIER_ID = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";
  private static final EventContract SUBMITTED = EventContract.of(DossierSubmitted.TYPE);
  private static final EventContract ERASED = EventContract.of(PersonalDataErased.TYPE);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void dossierTopicExists() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
  }

  /** Haute-Garonne's commission has its 20 members (naming them again changes nothing). */
  @BeforeEach
  void commissionIsNamed(@Autowired CommandGateway commands) {
    Sessions.appointments("31").forEach(commands::sendAndWait);
  }

  @Test
  void anErasureDeletesThePersonsMotivationsAndNoOneElses() {
    String erased = submitted();
    String kept = submitted();
    authorisedThenEnded(erased, kept);
    assertThat(motivations(erased)).isEqualTo(2);
    assertThat(motivations(kept)).isEqualTo(2);
    long decisions = decisionEvents(erased);

    String erasure = ERASED.goldenSample().replace(GOLDEN_DOSSIER_ID, erased);
    ERASED.assertValid(erasure);
    TestEvents.send(
        DossierEvents.TOPIC,
        UUID.randomUUID().toString(),
        PersonalDataErased.TYPE,
        erased,
        erasure);

    await().atMost(Duration.ofSeconds(30)).until(() -> motivations(erased) == 0);
    assertThat(motivations(kept)).isEqualTo(2);
    assertThat(decisionEvents(erased)).as("the decisions stay").isEqualTo(decisions);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_motivation WHERE motivation LIKE '%Zyxbrandt%'"
                    + " AND dossier_id = ?",
                Long.class, erased))
        .isZero();
  }

  private void authorisedThenEnded(String... dossierIds) {
    for (String dossierId : dossierIds) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  secretariat()
                      .get("/api/departements/31/commission/pending-dossiers")
                      .body()
                      .contains("\"dossierId\":\"" + dossierId + "\""));
    }
    var session =
        secretariat()
            .postJson(
                "/api/departements/31/commission/sessions",
                Sessions.aSessionBody("31", "2019-04-11"));
    assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
    Matcher id = SESSION_ID.matcher(session.body());
    assertThat(id.find()).isTrue();
    String sessions = "/api/departements/31/commission/sessions/" + id.group(1);
    for (String dossierId : dossierIds) {
      assertThat(
              secretariat()
                  .postJson(sessions + "/agenda", "{\"dossierId\":\"" + dossierId + "\"}")
                  .statusCode())
          .isLessThan(300);
      assertThat(
              secretariat()
                  .postJson(
                      sessions + "/opinions",
                      """
                      {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":12,"votesAgainst":2,\
                      "abstentions":%d,"chairVotedFor":true}"""
                          .formatted(dossierId, Sessions.VOTERS - 14))
                  .statusCode())
          .isLessThan(300);
      var authorised =
          prefecture()
              .postJson(
                  "/api/departements/31/prefecture/decisions",
                  """
                  {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"2019-04-18",\
                  "startDate":"2019-05-01","motivation":"Mme Zyxbrandt a signé ses engagements"}"""
                      .formatted(dossierId));
      assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(201);
      var ended =
          prefecture()
              .postJson(
                  "/api/departements/31/prefecture/decisions",
                  """
                  {"dossierId":"%s","decision":"END","decidedOn":"2019-08-01",\
                  "reason":"PERSON_REQUEST","motivation":"Mme Zyxbrandt quitte Toulouse"}"""
                      .formatted(dossierId));
      assertThat(ended.statusCode()).as(ended.body()).isEqualTo(201);
    }
  }

  private String submitted() {
    String dossierId = UUID.randomUUID().toString();
    String json = SUBMITTED.goldenSample().replace(GOLDEN_DOSSIER_ID, dossierId);
    SUBMITTED.assertValid(json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), DossierSubmitted.TYPE, dossierId, json);
    return dossierId;
  }

  private long motivations(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM decision_motivation WHERE dossier_id = ?", Long.class, dossierId);
  }

  private long decisionEvents(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class,
        dossierId);
  }

  private TestHttp secretariat() {
    return TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", "31"));
  }

  private TestHttp prefecture() {
    return TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", "31"));
  }
}
