package fr.passerelle.acceptance;

import static fr.passerelle.acceptance.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.scenario.HauteGaronneYear;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as its users meet it: started by {@code passerelle up}, driven over HTTP through the
 * gateway only, stopped by {@code passerelle down} whatever happens.
 */
@ExtendWith(SharedPlatform.class)
class PlatformIT {

  /** The platform's today is France's, whatever the machine's zone. */
  private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

  private static final Duration READ_MODEL_DELAY = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> TOPICS =
      List.of("dossier.events", "decision.events", "benefits.events");

  private static final Platform platform = SharedPlatform.platform();
  private static final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyProcessReportsReadiness() {
    for (int port : platform.ports().httpPorts()) {
      HttpResponse<String> readiness = get(Platform.local(port, "/actuator/health/readiness"));

      assertThat(readiness.statusCode()).as("readiness on port %d", port).isEqualTo(200);
    }
  }

  /** Through the gateway, nothing without a valid token, nothing outside one's département. */
  @Test
  void callersAreAuthenticatedAndKeptToTheirDepartement() {
    URI review = platform.gateway("/api/departements/31/reports/review?year=2026");

    HttpResponse<String> anonymous = get(review);
    HttpResponse<String> forged = get(review, "not.a.token");
    HttpResponse<String> elsewhere = get(review, token("prefecture-75"));
    HttpResponse<String> analystOnADossier =
        get(platform.gateway("/api/departements/31/dossiers/any"), token("analyst"));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(analystOnADossier.statusCode()).isEqualTo(403);
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(get(review, token("prefecture-31")).headers().firstValue("X-Request-Id"))
        .isPresent();
  }

  /** The walking skeleton: submitted dossiers are counted per département by reporting. */
  @Test
  void submittedDossiersAreCountedPerDepartementAndInvalidOnesChangeNothing() {
    submitDossiers("2A", 3);
    submitDossiers("976", 1);

    await()
        .atMost(READ_MODEL_DELAY)
        .untilAsserted(
            () -> {
              assertThat(submittedDossiers("2A")).isEqualTo(3);
              assertThat(submittedDossiers("976")).isEqualTo(1);
            });

    HttpResponse<String> rejected =
        post(
            platform.gateway("/api/departements/2A/dossiers"),
            Map.of("nationality", "Nigeria", "children", -1),
            token("association-2A", "any"));

    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(rejected.body());
    assertThat(problem.path("title").asString()).isEqualTo("Requête invalide");
    assertThat(fieldsInError(problem)).containsExactlyInAnyOrder("nationality", "children");
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(submittedDossiers("2A")).isEqualTo(3));
  }

  /**
   * The seed article, from the platform's own events: the loader enters the Haute-Garonne
   * commission's history through the API with its dates, from its installation in 2018 to January
   * 2020, and the cumulative review since the installation computes the article's figures back.
   */
  @Test
  void theHauteGaronneHistoryReproducesTheArticleInTheReviewSinceTheInstallation() {
    SharedPlatform.hauteGaronneYear();
    String review = "/api/departements/31/reports/review?to=" + HauteGaronneYear.REVIEWED_UNTIL;

    // The pathway whose renewal was refused ends at its term by itself, on the scheduler.
    JsonNode figures =
        await()
            .atMost(READ_MODEL_DELAY)
            .until(
                () -> json.readTree(get(platform.gateway(review), token("prefecture-31")).body()),
                r ->
                    r.path("beneficiariesInEmployment").asInt() == 11
                        && r.path("pathwaysEnded").asInt() == 4);

    assertThat(figures.path("from").isNull()).isTrue();
    assertThat(figures.path("to").asString()).isEqualTo("2020-01-31");
    assertThat(figures.path("dossiersStudied").asInt()).isEqualTo(30);
    assertThat(figures.path("validated").asInt()).isEqualTo(28);
    assertThat(figures.path("refused").asInt()).isEqualTo(2);
    assertThat(figures.path("validatedByNationality").path("NG").asInt()).isEqualTo(27);
    assertThat(figures.path("validatedTraffickingVictims").asInt()).isEqualTo(27);
    assertThat(figures.path("beneficiariesInEmployment").asInt()).isEqualTo(11);
    assertThat(figures.path("beneficiariesOnCdi").asInt()).isEqualTo(7);
    // The three trainings the associations recorded are not jobs: none of them counts above.
    // Requests by the day they were submitted; renewals are not new pathways.
    assertThat(figures.path("firstRequestsRegistered").asInt()).isEqualTo(30);
    assertThat(figures.path("renewalRequestsRegistered").asInt()).isEqualTo(37);
    assertThat(figures.path("pathwaysRenewed").asInt()).isEqualTo(36);
    assertThat(figures.path("renewalsRefused").asInt()).isEqualTo(1);
    assertThat(figures.path("pathwaysInProgress").asInt()).isEqualTo(24);
    // The préfecture issues a permit (APS) to the 27 Nigerian victims of trafficking; the Brazilian
    // beneficiary, no victim, holds a residence permit of her own.
    assertThat(figures.path("permitsIssued").asInt()).isEqualTo(27);
    // Two of the Nigerians receive the asylum seekers' allowance (ADA): AFIS refused.
    assertThat(figures.path("afisRecipients").asInt()).isEqualTo(26);
    assertThat(figures.path("nationalShareOfValidatedPercent").asDouble())
        .isGreaterThan(10.0)
        .isLessThan(11.0);

    // Dated by the world, not by the load: 2019 alone is the commission's second year.
    JsonNode secondYear =
        json.readTree(
            get(
                    platform.gateway("/api/departements/31/reports/review?year=2019"),
                    token("prefecture-31"))
                .body());
    assertThat(secondYear.path("dossiersStudied").asInt()).isEqualTo(21);
    assertThat(secondYear.path("validated").asInt()).isEqualTo(20);
    JsonNode today =
        json.readTree(
            get(
                    platform.gateway(
                        "/api/departements/31/reports/review?year="
                            + LocalDate.now(FRANCE).getYear()),
                    token("prefecture-31"))
                .body());
    assertThat(today.path("dossiersStudied").asInt()).isZero();

    HttpResponse<String> csv =
        get(
            platform.gateway(
                "/api/departements/31/reports/review.csv?to=" + HauteGaronneYear.REVIEWED_UNTIL),
            token("prefecture-31"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("Dossiers étudiés;30", "Parcours validés;28", "dont en CDI;7");

    assertNoPersonalDataOnKafka();
  }

  /**
   * A pathway's whole life in the Pyrénées-Atlantiques, through the gateway: the commission named,
   * a session with a mandate and the accompanying association out of the vote, a first term, three
   * renewals asked for by the association (a term past 24 months refused with a problem), a fourth
   * request declined at 24 months, another pathway ended at the person's request, and the session's
   * minutes downloaded as a PDF whose text says all of it.
   */
  @Test
  void aPathwayIsRenewedThreeTimesToTwentyFourMonthsAnotherEndsEarlyAndTheMinutesSaySo()
      throws Exception {
    String base = "/api/departements/64";
    String today = LocalDate.now(FRANCE).toString();
    String secretariat = token("secretariat-64");
    String prefecture = token("prefecture-64");
    HttpResponse<String> approved =
        post(
            platform.gateway(base + "/associations"),
            Map.of(
                "name", "Association des Pyrénées",
                "approvedFrom", LocalDate.now(FRANCE).minusMonths(6).toString(),
                "approvedUntil", LocalDate.now(FRANCE).plusYears(2).toString()),
            prefecture);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    String associationId = json.readTree(approved.body()).path("associationId").asString();
    String association = token("association-64", associationId);

    String prefet = member(base, secretariat, "Le préfet", "STATE_SERVICES", null);
    String procureur = member(base, secretariat, "Le procureur", "JUSTICE", null);
    String medecins = member(base, secretariat, "L'ordre des médecins", "HEALTH", null);
    String associationMember =
        member(base, secretariat, "L'association des Pyrénées", "ASSOCIATIONS", associationId);
    String renewed = submitted(base, associationId, association);
    String endedEarly = submitted(base, associationId, association);
    await()
        .atMost(READ_MODEL_DELAY)
        .until(
            () -> get(platform.gateway(base + "/commission/pending-dossiers"), secretariat).body(),
            body -> body.contains(renewed) && body.contains(endedEarly));

    HttpResponse<String> session =
        post(
            platform.gateway(base + "/commission/sessions"),
            Map.of(
                "date",
                today,
                "chairMemberId",
                prefet,
                "present",
                List.of(prefet, procureur, associationMember),
                "mandates",
                List.of(Map.of("fromMemberId", medecins, "toMemberId", procureur))),
            secretariat);
    assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
    String sessionId = json.readTree(session.body()).path("sessionId").asString();
    for (String dossierId : List.of(renewed, endedEarly)) {
      studied(base, secretariat, sessionId, dossierId);
      decide(base, prefecture, Map.of("decision", "AUTHORISE", "startDate", today), dossierId);
    }

    for (int term = 2; term <= 4; term++) {
      int pending = term;
      requestRenewal(base, association, renewed);
      await()
          .atMost(READ_MODEL_DELAY)
          .until(
              () -> pathway(base, secretariat, renewed),
              view -> view.path("pendingTermNumber").asInt() == pending);
      studied(base, secretariat, sessionId, renewed);
      if (term == 4) {
        HttpResponse<String> pastTheMaximum =
            post(
                platform.gateway(base + "/prefecture/decisions"),
                Map.of("dossierId", renewed, "decision", "RENEW", "decidedOn", today, "months", 7),
                prefecture);
        assertThat(pastTheMaximum.statusCode()).as(pastTheMaximum.body()).isEqualTo(409);
        assertThat(pastTheMaximum.body()).contains("24");
      }
      JsonNode renewal = decide(base, prefecture, Map.of("decision", "RENEW"), renewed);
      assertThat(renewal.path("termNumber").asInt()).isEqualTo(term);
      assertThat(renewal.path("totalMonths").asInt()).isEqualTo(6 * term);
    }
    requestRenewal(base, association, renewed);
    JsonNode declined =
        await()
            .atMost(READ_MODEL_DELAY)
            .until(
                () -> pathway(base, association, renewed),
                view -> !view.path("lastDeclinedRequest").isMissingNode());
    assertThat(declined.path("lastDeclinedRequest").asString())
        .isEqualTo("MAXIMUM_DURATION_REACHED");
    assertThat(declined.path("termNumber").asInt()).isEqualTo(4);
    assertThat(declined.path("totalMonths").asInt()).isEqualTo(24);
    assertThat(declined.path("stage").asString()).isEqualTo("RUNNING");

    decide(base, prefecture, Map.of("decision", "END", "reason", "PERSON_REQUEST"), endedEarly);
    JsonNode ended =
        await()
            .atMost(READ_MODEL_DELAY)
            .until(
                () -> pathway(base, secretariat, endedEarly),
                view -> "ENDED".equals(view.path("stage").asString()));
    assertThat(ended.path("endReason").asString()).isEqualTo("PERSON_REQUEST");
    assertThat(ended.path("lastDay").asString()).isEqualTo(today);
    // Renewals are not new pathways: the year counts the two validated, once each.
    await()
        .atMost(READ_MODEL_DELAY)
        .untilAsserted(
            () ->
                assertThat(
                        json.readTree(
                                get(
                                        platform.gateway(
                                            base
                                                + "/reports/review?year="
                                                + LocalDate.now(FRANCE).getYear()),
                                        prefecture)
                                    .body())
                            .path("validated")
                            .asInt())
                    .isEqualTo(2));

    HttpResponse<byte[]> pdf =
        send(
            HttpRequest.newBuilder(
                    platform.gateway(base + "/commission/sessions/" + sessionId + "/minutes.pdf"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + secretariat)
                .GET()
                .build(),
            BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String minutes;
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      minutes =
          new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
    assertThat(minutes)
        .contains(
            "Procès-verbal de la séance du "
                + LocalDate.now(FRANCE)
                    .format(
                        java.time.format.DateTimeFormatter.ofPattern(
                            "d MMMM yyyy", java.util.Locale.FRENCH)),
            "Membres de la commission : 4 ; présents : 3 ; représentés : 1 ; quorum : 2.",
            "L'ordre des médecins (Santé), mandat donné à Le procureur",
            "Dossier " + renewed + " — première demande",
            "Dossier " + renewed + " — renouvellement (période n° 2)",
            "Dossier " + renewed + " — renouvellement (période n° 4)",
            "Dossier " + endedEarly + " — première demande",
            "Ne prennent pas part au vote (intérêt personnel) : L'association des Pyrénées.",
            "Pour : 3 ; contre : 0 ; abstentions : 0.",
            "Avis de la commission : favorable.")
        .doesNotContain("Personne", "Démo");
  }

  private String member(
      String base, String secretariat, String name, String category, String associationId) {
    Map<String, Object> body = new HashMap<>(Map.of("name", name, "category", category));
    if (associationId != null) {
      body.put("associationId", associationId);
    }
    HttpResponse<String> named =
        post(platform.gateway(base + "/commission/members"), body, secretariat);
    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    return json.readTree(named.body()).path("memberId").asString();
  }

  private String submitted(String base, String associationId, String association) {
    HttpResponse<String> drafted =
        post(
            platform.gateway(base + "/dossiers"),
            Drafts.aDossier(associationId, "Démo", LocalDate.now(FRANCE), List.of("HOUSING")),
            association);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String dossierId = json.readTree(drafted.body()).path("dossierId").asString();
    HttpResponse<String> submitted =
        post(
            platform.gateway(base + "/dossiers/" + dossierId + "/submission"),
            Map.of(),
            association);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    return dossierId;
  }

  /** On the session's agenda, then favourable: the préfet, the procureur and a mandate vote. */
  private void studied(String base, String secretariat, String sessionId, String dossierId) {
    String session = base + "/commission/sessions/" + sessionId;
    HttpResponse<String> placed =
        post(platform.gateway(session + "/agenda"), Map.of("dossierId", dossierId), secretariat);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(204);
    HttpResponse<String> opinion =
        post(
            platform.gateway(session + "/opinions"),
            Map.of(
                "dossierId",
                dossierId,
                "opinion",
                "FAVOURABLE",
                "votesFor",
                3,
                "votesAgainst",
                0,
                "abstentions",
                0,
                "chairVotedFor",
                true),
            secretariat);
    assertThat(opinion.statusCode()).as(opinion.body()).isEqualTo(201);
  }

  private JsonNode decide(
      String base, String prefecture, Map<String, Object> decision, String dossierId) {
    Map<String, Object> body = new HashMap<>(decision);
    body.put("dossierId", dossierId);
    body.put("decidedOn", LocalDate.now(FRANCE).toString());
    HttpResponse<String> decided =
        post(platform.gateway(base + "/prefecture/decisions"), body, prefecture);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    return json.readTree(decided.body());
  }

  private void requestRenewal(String base, String association, String dossierId) {
    HttpResponse<String> requested =
        post(
            platform.gateway(base + "/dossiers/" + dossierId + "/renewal-requests"),
            Map.of(
                "requestedOn", LocalDate.now(FRANCE).toString(),
                "plan", "Formation puis emploi",
                "achievements", "Logement trouvé"),
            association);
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
  }

  private JsonNode pathway(String base, String token, String dossierId) {
    HttpResponse<String> view = get(platform.gateway(base + "/pathways/" + dossierId), token);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return json.readTree(view.body());
  }

  /** Names, birth dates, contacts and the plan's words never reach an event on the bus. */
  private void assertNoPersonalDataOnKafka() {
    List<ConsumerRecord<String, String>> records = readAllTopics();

    assertThat(records).hasSizeGreaterThan(500);
    for (ConsumerRecord<String, String> record : records) {
      assertThat(record.value())
          .as("%s record %s", record.topic(), record.key())
          .doesNotContain(
              "Personne",
              "Démo",
              "Plan de démonstration",
              "lastName",
              "firstName",
              "birthDate",
              "email",
              "phone");
      for (Header header : record.headers()) {
        assertThat(new String(header.value(), StandardCharsets.UTF_8))
            .doesNotContain("Personne", "Démo");
      }
    }
  }

  private List<ConsumerRecord<String, String>> readAllTopics() {
    Map<String, Object> config = new HashMap<>(platform.kafkaOperator());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "acceptance-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(TOPICS);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      int emptyPolls = 0;
      while (emptyPolls < 3) {
        var batch = consumer.poll(Duration.ofSeconds(1));
        batch.forEach(records::add);
        emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
      }
      return records;
    }
  }

  private void submitDossiers(String department, int count) {
    String base = "/api/departements/" + department;
    HttpResponse<String> association =
        post(
            platform.gateway(base + "/associations"),
            Map.of(
                "name", "Association " + department,
                "approvedFrom", LocalDate.now(FRANCE).minusMonths(6).toString(),
                "approvedUntil", LocalDate.now(FRANCE).plusYears(2).toString()),
            token("prefecture-" + department));
    assertThat(association.statusCode()).as(association.body()).isEqualTo(201);
    String associationId = json.readTree(association.body()).path("associationId").asString();
    String member = token("association-" + department, associationId);
    for (int i = 0; i < count; i++) {
      HttpResponse<String> drafted =
          post(
              platform.gateway(base + "/dossiers"),
              Drafts.aDossier(associationId, "Démo", LocalDate.now(FRANCE), List.of("HOUSING")),
              member);
      assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
      assertThat(drafted.headers().firstValue("Location")).isPresent();
      String dossierId = json.readTree(drafted.body()).path("dossierId").asString();
      HttpResponse<String> submitted =
          post(platform.gateway(base + "/dossiers/" + dossierId + "/submission"), Map.of(), member);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }
  }

  private static int submittedDossiers(String department) {
    HttpResponse<String> report =
        get(
            platform.gateway("/api/departements/" + department + "/reports/dossiers"),
            token("secretariat-" + department));
    assertThat(report.statusCode()).as("status, body %s", report.body()).isEqualTo(200);
    return json.readTree(report.body()).path("submittedDossiers").intValue();
  }

  private static List<String> fieldsInError(JsonNode problem) {
    return problem.path("errors").values().stream().map(e -> e.path("field").asString()).toList();
  }

  /** A token of the gateway's dev issuer for a demo user, as a team member would sign in. */
  private static String token(String user, String associationId) {
    String query = "user=" + user + (associationId == null ? "" : "&association=" + associationId);
    HttpResponse<String> issued =
        send(
            HttpRequest.newBuilder(platform.gateway("/dev/tokens?" + query))
                .timeout(REQUEST_TIMEOUT)
                .POST(BodyPublishers.noBody())
                .build());
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    return json.readTree(issued.body()).path("access_token").asString();
  }

  private static String token(String user) {
    return token(user, null);
  }

  private static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build());
  }

  private static HttpResponse<String> get(URI uri, String token) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private static HttpResponse<String> post(URI uri, Object body, String token) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(BodyPublishers.ofString(json.writeValueAsString(body)))
            .build());
  }
}
