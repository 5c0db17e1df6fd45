package fr.passerelle.acceptance;

import static fr.passerelle.acceptance.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
 * The person's right to erasure on the whole platform, tried as someone holding a backup of every
 * database and a copy of every topic would: a person accompanied by an association, studied by the
 * commission and authorised by the préfet (whose motivation names her) is erased at her request
 * through the gateway; afterwards no database and no topic holds her name, birth date or contacts,
 * and the reviews count her pathway as before. An auditor reads her dossier's history across the
 * services, and its chains verify before a tampering, name it, and verify after the erasure; the
 * ministry's analyst sees the year's single pathway withheld. (The platform keeps no identity
 * document number: a permit's number stays in the préfecture's files.)
 */
@ExtendWith(SharedPlatform.class)
class PersonalDataErasureIT {

  private static final Duration READ_MODEL_DELAY = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> DATABASES =
      List.of("dossier", "decision", "benefits", "reporting");
  private static final List<String> TOPICS =
      List.of("dossier.events", "decision.events", "benefits.events");
  private static final List<String> IDENTITY =
      List.of(
          "Zyxbrandt",
          "Quillavera",
          "1987-02-19",
          "+33 7 98 76 54 32",
          "q.zyxbrandt@example.net",
          "chez sa cousine");
  private static final List<String> FIGURES =
      List.of(
          "dossiersStudied",
          "validated",
          "refused",
          "validatedByNationality",
          "validatedTraffickingVictims",
          "permitsIssued",
          "afisRecipients");

  private static final Platform platform = SharedPlatform.platform();
  private static final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anErasedPersonLeavesNoTraceInAnyDatabaseNorTopicAndTheReviewsKeepTheirFigures() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    // Her pathway is of a year in which the other classes on the platform enter nothing
    // (SharedPlatform): the country's review of that year holds hers alone.
    LocalDate studied = LocalDate.of(2021, 3, 11);
    String prefecture = token("prefecture-81", null);
    String secretariat = token("secretariat-81", null);
    var association =
        post(
            "/api/departements/81/associations",
            Map.of(
                "name", "Association Albi",
                "approvedFrom", studied.minusMonths(6).toString(),
                "approvedUntil", studied.plusYears(2).toString()),
            prefecture);
    assertThat(association.statusCode()).as(association.body()).isEqualTo(201);
    String associationId = json.readTree(association.body()).path("associationId").asString();
    String member = token("association-81", associationId);

    String dossierId = submittedDossier(associationId, member, studied);
    authorised(dossierId, secretariat, prefecture, studied);
    String review = "/api/departements/81/reports/review?year=" + studied.getYear();
    Map<String, JsonNode> before = settledFigures(review, prefecture);
    assertThat(everyDatabase())
        .as("the scan finds a name where one is kept: the préfet's motivation")
        .contains("Zyxbrandt");

    String auditor = token("auditor-81", null);
    String history = "/api/departements/81/dossiers/" + dossierId + "/history";
    await()
        .atMost(READ_MODEL_DELAY)
        .untilAsserted(
            () ->
                assertThat(read(history, auditor).path("entries").valueStream())
                    .extracting(entry -> entry.path("service").asString())
                    .contains("dossier-service", "decision-service", "reporting-service"));
    assertThat(read(history, auditor).path("erased").asBoolean()).isFalse();
    theChainsHoldAndATamperingIsLocated(dossierId, auditor);

    String erasure = "/api/departements/81/dossiers/" + dossierId + "/erasure-request";
    var requested = post(erasure, Map.of("receivedOn", today.toString()), member);
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    var confirmed = post(erasure + "/confirmation", Map.of(), prefecture);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

    await()
        .atMost(READ_MODEL_DELAY)
        .untilAsserted(() -> assertThat(everyDatabase()).doesNotContain(IDENTITY));
    assertThat(everyTopic())
        .contains("passerelle.dossier.personal-data-erased.v1")
        .doesNotContain(IDENTITY);
    var page = get("/api/departements/81/dossiers/" + dossierId, member);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("\"person\":null").doesNotContain(IDENTITY);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(figures(review, prefecture)).isEqualTo(before));

    JsonNode erased = read(history, auditor);
    assertThat(erased.path("erased").asBoolean()).isTrue();
    assertThat(erased.toString()).doesNotContain(IDENTITY);
    assertThat(verify(auditor).path("intact").asBoolean())
        .as("an erasure is no break of the chains")
        .isTrue();

    // the ministry's analyst: the year's one validated pathway is a cell under k, withheld
    JsonNode national =
        read("/api/reports/national?year=" + studied.getYear(), token("analyst", null));
    assertThat(national.path("secrecyThreshold").asInt()).isEqualTo(11);
    assertThat(national.path("validated").isNull()).as(national.toString()).isTrue();
    assertThat(national.path("withheld").valueStream())
        .extracting(JsonNode::asString)
        .contains("validated", "departments.81.validated");
    assertThat(before.get("validated").asInt()).as("the département's own staff").isEqualTo(1);
  }

  /**
   * The département's chains verify; a row of the ledger changed behind the service's back (who
   * acted) is named as the first broken link, and the chains hold again once it is put back.
   */
  private static void theChainsHoldAndATamperingIsLocated(String dossierId, String auditor) {
    assertThat(verify(auditor).path("intact").asBoolean()).as(verify(auditor).toString()).isTrue();
    Map<String, Object> row =
        platform.row(
            "reporting",
            "SELECT position, event_id, actor_subject FROM public.audit_event"
                + " WHERE subject = ? ORDER BY subject_position LIMIT 1",
            dossierId);
    long position = ((Number) row.get("position")).longValue();

    platform.update(
        "reporting",
        "UPDATE public.audit_event SET actor_subject = 'quelqu''un d''autre' WHERE position = ?",
        position);
    try {
      JsonNode broken = verify(auditor);
      assertThat(broken.path("intact").asBoolean()).isFalse();
      assertThat(broken.path("globalBreak").path("position").asLong()).isEqualTo(position);
      assertThat(broken.path("globalBreak").path("eventId").asString())
          .isEqualTo(row.get("event_id"));
      assertThat(broken.path("globalBreak").path("reason").asString()).isEqualTo("ALTERED");
    } finally {
      platform.update(
          "reporting",
          "UPDATE public.audit_event SET actor_subject = ? WHERE position = ?",
          row.get("actor_subject"),
          position);
    }
    assertThat(verify(auditor).path("intact").asBoolean()).isTrue();
  }

  private static JsonNode verify(String auditor) {
    return read("/api/departements/81/audit/verify", auditor);
  }

  private static JsonNode read(String path, String token) {
    HttpResponse<String> response = get(path, token);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /**
   * The review once the pathway's consequences have reached it: validated, and nothing more
   * changing from one read to the next a few seconds later (a permit is the préfecture's own
   * decision, taken or not).
   */
  private static Map<String, JsonNode> settledFigures(String review, String token) {
    AtomicReference<Map<String, JsonNode>> last = new AtomicReference<>();
    await()
        .atMost(READ_MODEL_DELAY)
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              Map<String, JsonNode> now = figures(review, token);
              boolean settled = now.equals(last.get()) && now.get("validated").asInt() == 1;
              last.set(now);
              return settled;
            });
    return last.get();
  }

  private static Map<String, JsonNode> figures(String review, String token) {
    HttpResponse<String> response = get(review, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode figures = json.readTree(response.body());
    Map<String, JsonNode> kept = new LinkedHashMap<>();
    for (String figure : FIGURES) {
      kept.put(figure, figures.path(figure));
    }
    return kept;
  }

  private String submittedDossier(String associationId, String member, LocalDate signedOn) {
    var drafted =
        post(
            "/api/departements/81/dossiers",
            Map.of(
                "associationId",
                associationId,
                "person",
                Map.of(
                    "lastName", "Zyxbrandt",
                    "firstName", "Quillavera",
                    "birthDate", "1987-02-19",
                    "phone", "+33 7 98 76 54 32",
                    "email", "q.zyxbrandt@example.net"),
                "nationality",
                "NG",
                "children",
                1,
                "monthlyResources",
                120,
                "receivesRsa",
                false,
                "receivesAda",
                false,
                "traffickingVictim",
                true,
                "plan",
                Map.of(
                    "actions",
                    List.of("HOUSING"),
                    "notes",
                    "Hébergement chez sa cousine",
                    "stopsProstitution",
                    true,
                    "signedOn",
                    signedOn.toString())),
            member);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String dossierId = json.readTree(drafted.body()).path("dossierId").asString();
    var submitted =
        post(
            "/api/departements/81/dossiers/" + dossierId + "/submission",
            Map.of("submittedOn", signedOn.toString()),
            member);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    return dossierId;
  }

  /**
   * Studied by the commission on {@code day}, authorised by the préfet with a motivation naming
   * her.
   */
  private void authorised(String dossierId, String secretariat, String prefecture, LocalDate day) {
    await()
        .atMost(READ_MODEL_DELAY)
        .until(
            () ->
                get("/api/departements/81/commission/pending-dossiers", secretariat)
                    .body()
                    .contains(dossierId));
    String chair = member(secretariat, "Le préfet", "STATE_SERVICES");
    String procureur = member(secretariat, "Le procureur", "JUSTICE");
    var session =
        post(
            "/api/departements/81/commission/sessions",
            Map.of(
                "date", day.toString(),
                "chairMemberId", chair,
                "present", List.of(chair, procureur)),
            secretariat);
    assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
    String sessions =
        "/api/departements/81/commission/sessions/"
            + json.readTree(session.body()).path("sessionId").asString();
    var agenda = post(sessions + "/agenda", Map.of("dossierId", dossierId), secretariat);
    assertThat(agenda.statusCode()).as(agenda.body()).isLessThan(300);
    var opinion =
        post(
            sessions + "/opinions",
            Map.of(
                "dossierId",
                dossierId,
                "opinion",
                "FAVOURABLE",
                "votesFor",
                2,
                "votesAgainst",
                0,
                "abstentions",
                0,
                "chairVotedFor",
                true),
            secretariat);
    assertThat(opinion.statusCode()).as(opinion.body()).isLessThan(300);
    var decision =
        post(
            "/api/departements/81/prefecture/decisions",
            Map.of(
                "dossierId",
                dossierId,
                "decision",
                "AUTHORISE",
                "decidedOn",
                day.toString(),
                "startDate",
                day.toString(),
                "motivation",
                "Mme Zyxbrandt a signé ses engagements"),
            prefecture);
    assertThat(decision.statusCode()).as(decision.body()).isEqualTo(201);
  }

  /** Every service's database as a backup holds it. */
  private static String everyDatabase() {
    StringBuilder all = new StringBuilder();
    for (String database : DATABASES) {
      all.append(platform.dump(database));
    }
    return all.toString();
  }

  /** Every record of every topic: keys, values and headers. */
  private static String everyTopic() {
    Map<String, Object> config = new HashMap<>(platform.kafkaOperator());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "acceptance-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    StringBuilder all = new StringBuilder();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(TOPICS);
      int emptyPolls = 0;
      while (emptyPolls < 3) {
        var batch = consumer.poll(Duration.ofSeconds(1));
        for (ConsumerRecord<String, String> record : batch) {
          all.append(record.key()).append('\n').append(record.value()).append('\n');
          for (Header header : record.headers()) {
            all.append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
          }
        }
        emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
      }
    }
    return all.toString();
  }

  /** A token of the gateway's dev issuer for a demo user. */
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

  private static HttpResponse<String> get(String path, String token) {
    return send(
        HttpRequest.newBuilder(platform.gateway(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private String member(String secretariat, String name, String category) {
    var named =
        post(
            "/api/departements/81/commission/members",
            Map.of("name", name, "category", category),
            secretariat);
    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    return json.readTree(named.body()).path("memberId").asString();
  }

  private static HttpResponse<String> post(String path, Object body, String token) {
    URI uri = platform.gateway(path);
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(BodyPublishers.ofString(json.writeValueAsString(body)))
            .build());
  }
}
