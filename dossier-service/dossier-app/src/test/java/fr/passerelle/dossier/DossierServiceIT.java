package fr.passerelle.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.contract.EventContract;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.RenewalRequested;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest
class DossierServiceIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired EventStore eventStore;
  @Autowired PersonVault vault;

  /** The association's member, authenticated for its département. */
  private TestHttp http;

  private String associationId;

  @BeforeEach
  void anApprovedAssociation() {
    var registered =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", "31"))
            .postJson("/api/departements/31/associations", Dossiers.anAssociationBody());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    associationId = id(registered);
    http = TestHttp.onPort(port).as(TestTokens.association(associationId, "31"));
  }

  @Test
  void aCompleteDossierIsSubmittedAndPublishedWithoutPersonalData() {
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(associationId));

    var submitted = http.postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.body()).contains("\"status\":\"SUBMITTED\"");
    try (var topic = new TopicReader(DossierEvents.TOPIC)) {
      ConsumerRecord<String, String> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> find(topic.readAll(), dossierId), record -> record != null);

      assertThat(header(published, "ce_type")).isEqualTo(DossierSubmitted.TYPE);
      assertThat(header(published, "ce_subject")).isEqualTo(dossierId);
      assertThat(header(published, "ce_source")).isEqualTo(DossierEvents.SOURCE);
      assertThat(header(published, "ce_specversion")).isEqualTo("1.0");
      assertThat(header(published, "ce_id")).isNotBlank();
      assertThat(Instant.parse(header(published, "ce_time"))).isBeforeOrEqualTo(Instant.now());
      EventContract.of(DossierSubmitted.TYPE).assertValid(published.value());
      assertThat(published.value())
          .contains(
              "\"ageBand\":\"FROM_25_TO_34\"",
              "\"associationId\":\"" + associationId + "\"",
              "\"traffickingVictim\":true",
              "\"procuringVictim\":false")
          .doesNotContain("Okafor", "Blessing", "1994-05-02", "+33", "example.org", "Hébergement");
      for (Header header : published.headers()) {
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain("Okafor");
      }
    }
  }

  /**
   * Today is France's today, whatever the server's zone: at half past midnight in France it is
   * still yesterday in UTC, and a plan signed that day must be taken, by the body's checks as by
   * the submission's. The platform's clock is set two days ahead of the machine's, so that a check
   * reading the machine's clock instead refuses the date as in the future.
   */
  @Test
  void aPlanSignedTodayInFranceIsTakenWhileItIsStillYesterdayInUtc(@Autowired MovableClock clock) {
    LocalDate today = LocalDate.now(Dossiers.FRANCE).plusDays(2);
    clock.set(today.atTime(0, 30).atZone(Dossiers.FRANCE).toInstant());
    try {
      String signedToday =
          Dossiers.aCompleteDossierBody(associationId)
              .replace("\"signedOn\":\"2019-03-01\"", "\"signedOn\":\"" + today + "\"");
      String dossierId = draft("31", signedToday);

      var submitted =
          http.postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");
      var signedTomorrow =
          http.postJson(
              "/api/departements/31/dossiers",
              signedToday.replace(today.toString(), today.plusDays(1).toString()));

      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
      assertThat(submitted.body()).contains("\"submittedOn\":\"" + today + "\"");
      assertThat(signedTomorrow.statusCode()).isEqualTo(400);
      assertThat(signedTomorrow.body())
          .contains("\"field\":\"plan.signedOn\"", "ne peut pas être dans le futur");
    } finally {
      clock.reset();
    }
  }

  /**
   * Today is the département's: at 01:30 in La Réunion, Paris still the day before, a plan signed
   * that day is taken there, and refused in a metropolitan département with the problem the body's
   * own checks give.
   */
  @Test
  void aPlanSignedOnLaReunionsTodayIsTakenThereWhileParisIsStillTheDayBefore(
      @Autowired MovableClock clock) throws Exception {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    clock.set(day.atStartOfDay(ZoneOffset.UTC).minusMinutes(150).toInstant());
    try {
      var registered =
          TestHttp.onPort(port)
              .as(TestTokens.staff("PREFECTURE", "974"))
              .postJson("/api/departements/974/associations", Dossiers.anAssociationBody());
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String inReunion = id(registered);
      String signedThatDay =
          Dossiers.aCompleteDossierBody(inReunion)
              .replace("\"signedOn\":\"2019-03-01\"", "\"signedOn\":\"" + day + "\"");

      var reunion =
          TestHttp.onPort(port)
              .as(TestTokens.association(inReunion, "974"))
              .postJson("/api/departements/974/dossiers", signedThatDay);
      var metropole =
          http.postJson(
              "/api/departements/31/dossiers", signedThatDay.replace(inReunion, associationId));

      assertThat(reunion.statusCode()).as(reunion.body()).isEqualTo(201);
      assertThat(metropole.statusCode()).isEqualTo(400);
      JsonNode problem = new ObjectMapper().readTree(metropole.body());
      assertThat(problem.path("title").asText()).isEqualTo("Requête invalide");
      assertThat(problem.path("errors").toString())
          .isEqualTo(
              "[{\"field\":\"plan.signedOn\",\"message\":\"ne peut pas être dans le futur\"}]");
    } finally {
      clock.reset();
    }
  }

  @Test
  void aDossierSubmittedInAPastYearIsPublishedWithItsDateBesideItsRecordingTime() {
    var registered =
        TestHttp.onPort(port)
            .as(TestTokens.staff("PREFECTURE", "31"))
            .postJson(
                "/api/departements/31/associations",
                """
                {"name":"Association agréée en 2018","approvedFrom":"2018-06-01",
                 "approvedUntil":"2021-05-31"}""");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String approvedIn2018 = id(registered);
    http = TestHttp.onPort(port).as(TestTokens.association(approvedIn2018, "31"));
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(approvedIn2018));
    String submission = "/api/departements/31/dossiers/" + dossierId + "/submission";
    String tomorrow = java.time.LocalDate.now(Dossiers.FRANCE).plusDays(1).toString();
    long eventsBefore = countEvents();

    var future = http.postJson(submission, "{\"submittedOn\":\"" + tomorrow + "\"}");
    var beforeApproval = http.postJson(submission, "{\"submittedOn\":\"2018-05-31\"}");

    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(future.body())
        .contains("\"field\":\"submittedOn\"", "ne peut pas être dans le futur");
    assertThat(beforeApproval.statusCode()).isEqualTo(400);
    assertThat(beforeApproval.body())
        .contains(
            "\"field\":\"submittedOn\"",
            "antérieure au début de l'agrément de l'association (01/06/2018)");
    assertThat(countEvents()).isEqualTo(eventsBefore);
    assertThat(http.get("/api/departements/31/dossiers/" + dossierId).body())
        .contains("\"status\":\"DRAFT\"");

    Instant before = Instant.now();
    var submitted = http.postJson(submission, "{\"submittedOn\":\"2019-03-12\"}");

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.body()).contains("\"submittedOn\":\"2019-03-12\"");
    try (var topic = new TopicReader(DossierEvents.TOPIC)) {
      ConsumerRecord<String, String> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> find(topic.readAll(), dossierId), record -> record != null);

      EventContract.of(DossierSubmitted.TYPE).assertValid(published.value());
      assertThat(published.value()).contains("\"submittedOn\":\"2019-03-12\"");
      Matcher recorded = Pattern.compile("\"submittedAt\":\"([^\"]+)\"").matcher(published.value());
      assertThat(recorded.find()).isTrue();
      assertThat(Instant.parse(recorded.group(1))).isAfterOrEqualTo(before.minusSeconds(1));
    }
    // Its pathway's renewal can then be asked for in 2019, after the submission's date.
    var renewal =
        http.postJson(
            "/api/departements/31/dossiers/" + dossierId + "/renewal-requests",
            Dossiers.aRenewalBody(java.time.LocalDate.of(2019, 9, 2)));
    assertThat(renewal.statusCode()).as(renewal.body()).isEqualTo(201);
  }

  @Test
  void aRenewalOfASubmittedDossierIsPublishedWithoutItsPlanWhichStaysInTheService() {
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(associationId));
    String renewals = "/api/departements/31/dossiers/" + dossierId + "/renewal-requests";
    String today = java.time.LocalDate.now(Dossiers.FRANCE).toString();

    var ofADraft = http.postJson(renewals, Dossiers.aRenewalBody(java.time.LocalDate.parse(today)));
    assertThat(ofADraft.statusCode()).isEqualTo(409);
    http.postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");
    long events = countEvents();
    var future =
        http.postJson(
            renewals, Dossiers.aRenewalBody(java.time.LocalDate.parse(today).plusDays(1)));
    var beforeSubmission =
        http.postJson(renewals, Dossiers.aRenewalBody(java.time.LocalDate.parse("2019-01-01")));
    var withoutPlan = http.postJson(renewals, "{\"requestedOn\":\"" + today + "\"}");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("\"field\":\"requestedOn\"", "date future");
    assertThat(beforeSubmission.statusCode()).isEqualTo(400);
    assertThat(beforeSubmission.body()).contains("antérieure au dépôt du dossier");
    assertThat(withoutPlan.statusCode()).isEqualTo(400);
    assertThat(withoutPlan.body()).contains("\"field\":\"plan\"", "\"field\":\"achievements\"");
    assertThat(countEvents()).isEqualTo(events);

    var requested =
        http.postJson(renewals, Dossiers.aRenewalBody(java.time.LocalDate.parse(today)));

    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    Matcher requestId = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(requested.body());
    assertThat(requestId.find()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT plan FROM renewal_plan WHERE request_id = ?",
                String.class,
                requestId.group(1)))
        .isEqualTo("Formation qualifiante puis recherche d'emploi");
    try (var topic = new TopicReader(DossierEvents.TOPIC)) {
      ConsumerRecord<String, String> published =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      topic.readAll().stream()
                          .filter(r -> dossierId.equals(r.key()))
                          .filter(r -> RenewalRequested.TYPE.equals(header(r, "ce_type")))
                          .findFirst()
                          .orElse(null),
                  record -> record != null);

      EventContract.of(RenewalRequested.TYPE).assertValid(published.value());
      assertThat(published.value())
          .contains(
              "\"requestId\":\"" + requestId.group(1) + "\"",
              "\"associationId\":\"" + associationId + "\"",
              "\"requestedOn\":\"" + today + "\"")
          .doesNotContain("Formation", "Hébergement", "Okafor");
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
    long eventsBefore = countEvents();
    String huge =
        Dossiers.aCompleteDossierBody(associationId)
            .replace(
                "\"nationality\"",
                "\"padding\":\"" + "x".repeat(300 * 1024) + "\",\"nationality\"");

    var declared = http.postJson("/api/departements/31/dossiers", huge);
    var chunked = http.postJsonChunked("/api/departements/31/dossiers", huge);

    for (var response : List.of(declared, chunked)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).contains("\"title\":\"Requête trop volumineuse\"");
    }
    assertThat(countEvents()).isEqualTo(eventsBefore);
  }

  /**
   * A plan dated after today in every département is refused with the body's other faults, all at
   * once: the association corrects its form in one go.
   */
  @Test
  void aPlanSignedInTheFutureEverywhereIsRefusedWithTheOtherFieldsAtOnce() {
    long eventsBefore = countEvents();
    String body =
        Dossiers.aCompleteDossierBody(associationId)
            .replace("b.okafor@example.org", "pas une adresse")
            .replace(
                "\"signedOn\":\"2019-03-01\"",
                "\"signedOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"");

    var refused = http.postJson("/api/departements/31/dossiers", body);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"field\":\"person.email\"", "adresse électronique invalide")
        .contains("\"field\":\"plan.signedOn\"", "ne peut pas être dans le futur");
    assertThat(countEvents()).isEqualTo(eventsBefore);
  }

  @Test
  void anIncompleteSubmissionNamesEveryMissingFieldAndChangesNothing() {
    String dossierId = draft("31", "{\"nationality\":\"NG\"}");
    long eventsBefore = countEvents();

    var refused = http.postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body())
        .contains("\"title\":\"Requête invalide\"")
        .contains("\"field\":\"person.lastName\"")
        // the association is the caller's, taken from its token when the draft names none
        .doesNotContain("\"field\":\"associationId\"")
        .contains("\"field\":\"plan.actions\"", "\"field\":\"plan.signedOn\"")
        .doesNotContain("\"field\":\"nationality\"");
    assertThat(countEvents()).isEqualTo(eventsBefore);

    var revised =
        http.putJson(
            "/api/departements/31/dossiers/" + dossierId,
            Dossiers.aCompleteDossierBody(associationId));
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    assertThat(
            http.postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedFieldsAreRefusedFieldByFieldAndChangeNothing() {
    long eventsBefore = countEvents();

    var response =
        http.postJson(
            "/api/departements/31/dossiers",
            "{\"nationality\":\"Nigeria\",\"children\":-1,\"person\":{\"email\":\"not-an-address\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains(
            "\"field\":\"nationality\"", "\"field\":\"children\"", "\"field\":\"person.email\"")
        .doesNotContain("not-an-address");
    assertThat(countEvents()).isEqualTo(eventsBefore);

    var unknownAction =
        http.postJson("/api/departements/31/dossiers", "{\"plan\":{\"actions\":[\"FLYING\"]}}");
    assertThat(unknownAction.statusCode()).isEqualTo(400);
    assertThat(unknownAction.body()).contains("\"field\":\"plan.actions");
  }

  @Test
  void theAssociationReadsTheIdentityAndAWithdrawnDraftIsErased() {
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(associationId));
    var read = http.get("/api/departements/31/dossiers/" + dossierId);
    assertThat(read.body()).contains("\"lastName\":\"Okafor\"", "\"status\":\"DRAFT\"");
    String personId =
        jdbc.queryForObject(
            "SELECT person_id FROM dossier_summary WHERE dossier_id = ?", String.class, dossierId);

    var withdrawn = http.postJson("/api/departements/31/dossiers/" + dossierId + "/withdrawal", "");

    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(vault.read(personId)).isEmpty();
    assertThat(http.get("/api/departements/31/dossiers/" + dossierId).body())
        .contains("\"status\":\"WITHDRAWN\"")
        .doesNotContain("Okafor");
  }

  @Test
  void theVaultKeepsPersonalDataEncrypted() {
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(associationId));

    List<byte[]> stored =
        jdbc.query("SELECT ciphertext FROM person_file", (rs, row) -> rs.getBytes(1));
    List<byte[]> events =
        jdbc.query("SELECT payload FROM domain_event_entry", (rs, row) -> rs.getBytes(1));

    assertThat(stored).isNotEmpty();
    assertThat(stored)
        .allSatisfy(
            bytes ->
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain("Okafor"));
    assertThat(events)
        .allSatisfy(
            bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .doesNotContain("Okafor", "1994-05-02"));
    assertThat(dossierId).isNotBlank();
  }

  @Test
  void aDossierOfAnotherDepartementIsRefusedToAnAssociationAndNotFoundByStaff() {
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(associationId));
    http = TestHttp.onPort(port).as(TestTokens.association(associationId, "31", "75"));

    var response = http.postJson("/api/departements/75/dossiers/" + dossierId + "/submission", "");

    // an association is told the same of a dossier it does not accompany, whether or not it exists
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(http.get("/api/departements/75/dossiers/" + dossierId).statusCode()).isEqualTo(403);
    var staff = TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", "31", "75"));
    assertThat(staff.get("/api/departements/75/dossiers/" + dossierId).statusCode()).isEqualTo(404);
    assertThat(staff.get("/api/departements/75/dossiers/" + dossierId).body())
        .doesNotContain("Okafor");
  }

  @Test
  void aCallerWithoutTheDepartementIsRefusedWhetherOrNotTheDossierExists() {
    String dossierId = draft("31", Dossiers.aCompleteDossierBody(associationId));

    var existing = http.get("/api/departements/75/dossiers/" + dossierId);
    var missing = http.get("/api/departements/75/dossiers/" + UUID.randomUUID());

    assertThat(existing.statusCode()).isEqualTo(403);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(existing.body()).doesNotContain("Okafor");
    assertThat(AccessMatrixIT.withoutInstance(existing.body()))
        .isEqualTo(AccessMatrixIT.withoutInstance(missing.body()));
  }

  @Test
  void anAssociationCannotSubmitInAnotherDepartement() {
    http = TestHttp.onPort(port).as(TestTokens.association(associationId, "31", "75"));
    String dossierId = draft("75", Dossiers.aCompleteDossierBody(associationId));

    var response = http.postJson("/api/departements/75/dossiers/" + dossierId + "/submission", "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"associationId\"");
  }

  @Test
  void eventsOfTheWalkingSkeletonAreUpcastWhenRead() {
    String dossierId = UUID.randomUUID().toString();
    jdbc.update(
        """
        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
          meta_data, payload, payload_revision, payload_type, time_stamp)
        VALUES (?, 0, 'Dossier', ?, ?, ?, NULL, ?, '2026-11-28T10:00:00Z')
        """,
        dossierId,
        UUID.randomUUID().toString(),
        "{}".getBytes(StandardCharsets.UTF_8),
        ("{\"dossierId\":\""
                + dossierId
                + "\",\"departmentCode\":\"31\",\"nationality\":\"NG\","
                + "\"children\":1,\"traffickingVictim\":true,\"submittedAt\":1795858800.0}")
            .getBytes(StandardCharsets.UTF_8),
        fr.passerelle.dossier.intake.api.DossierSubmitted.class.getName());

    var upcast =
        (fr.passerelle.dossier.intake.api.DossierSubmitted)
            eventStore.readEvents(dossierId).asStream().findFirst().orElseThrow().getPayload();

    assertThat(upcast.content().nationality()).isEqualTo("NG");
    assertThat(upcast.personId()).isEqualTo(dossierId);
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    var docs = TestHttp.onPort(port).get("/v3/api-docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body())
        .contains("\"openapi\"")
        .contains("/api/departements/{departmentCode}/dossiers/{dossierId}/submission")
        .contains("/api/departements/{departmentCode}/associations");
    // the caller comes from the token: the documentation asks for no such parameter
    var publicApi = TestHttp.onPort(port).get("/v3/api-docs/api");
    assertThat(publicApi.statusCode()).isEqualTo(200);
    assertThat(publicApi.body())
        .contains("/api/departements/{departmentCode}/dossiers")
        .doesNotContain("\"name\":\"caller\"")
        .doesNotContain("PasserelleUser");
  }

  @Test
  void eventPayloadsAreStoredAsByteaNotLargeObjects() {
    List<String> types =
        jdbc.queryForList(
            "SELECT data_type FROM information_schema.columns"
                + " WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')"
                + " AND column_name IN ('payload', 'meta_data', 'token')",
            String.class);

    assertThat(types).hasSize(5).containsOnly("bytea");
  }

  private String draft(String department, String body) {
    var drafted = http.postJson("/api/departements/" + department + "/dossiers", body);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    return id(drafted);
  }

  private long countEvents() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private static ConsumerRecord<String, String> find(
      List<ConsumerRecord<String, String>> records, String dossierId) {
    return records.stream()
        .filter(r -> dossierId.equals(r.key()))
        .filter(r -> DossierSubmitted.TYPE.equals(header(r, "ce_type")))
        .findFirst()
        .orElse(null);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
