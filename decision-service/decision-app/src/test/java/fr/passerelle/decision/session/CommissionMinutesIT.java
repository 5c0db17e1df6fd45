package fr.passerelle.decision.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.contract.EventContract;
import fr.passerelle.decision.Pathways;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestEvents;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The commission of the Gers as its rules say, over HTTP: six members named, a first convocation
 * without its quorum, a second convocation with the same agenda that deliberates without quorum,
 * the accompanying association's member out of the vote, and both sessions' minutes as PDFs whose
 * text says so.
 */
@ServiceIntegrationTest
class CommissionMinutesIT {

  private static final String GERS = "32";
  private static final String BASE = "/api/departements/" + GERS + "/commission";
  private static final Pattern ID = Pattern.compile("\"(?:memberId|sessionId)\":\"([^\"]+)\"");

  @LocalServerPort int port;

  @BeforeAll
  static void dossierTopicExists() {
    TestEvents.ensureTopic(DossierEvents.TOPIC, 3);
  }

  @Test
  void aSecondConvocationDeliberatesWithoutQuorumAndBothSessionsHaveTheirMinutes()
      throws Exception {
    String prefet = appoint("Le préfet du Gers", "STATE_SERVICES", null);
    String procureur = appoint("Le procureur de la République", "JUSTICE", null);
    String gendarmerie =
        appoint("Le commandant du groupement de gendarmerie", "POLICE_GENDARMERIE", null);
    appoint("Le président du conseil départemental", "LOCAL_AUTHORITIES", null);
    String medecins = appoint("Le président du conseil de l'ordre des médecins", "HEALTH", null);
    String association =
        appoint("L'association Passerelle 32", "ASSOCIATIONS", Pathways.ASSOCIATION);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> secretariat().get(BASE + "/members").body().split("memberId").length - 1 == 6);

    String dossierId = submitted();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> secretariat().get(BASE + "/pending-dossiers").body().contains(dossierId));

    var first =
        secretariat()
            .postJson(
                BASE + "/sessions",
                """
                {"date":"2019-04-04","chairMemberId":"%s","present":["%s","%s"],\
                "convocation":{"sentOn":"2019-03-28"}}"""
                    .formatted(prefet, prefet, procureur));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"quorum\":3", "\"mayDeliberate\":false");
    String firstId = id(first);
    assertThat(place(firstId, dossierId).statusCode()).isEqualTo(204);
    var noQuorum = secretariat().postJson(opinions(firstId), vote(dossierId, 2, 0, 0));
    assertThat(noQuorum.statusCode()).isEqualTo(409);
    assertThat(noQuorum.body()).contains("n'a pas atteint son quorum");

    var shortNotice =
        secretariat()
            .postJson(
                BASE + "/sessions",
                """
                {"date":"2019-04-11","chairMemberId":"%s","present":["%s"],"firstConvocationId":"%s",\
                "convocation":{"sentOn":"2019-04-09"}}"""
                    .formatted(prefet, prefet, firstId));
    assertThat(shortNotice.statusCode()).as(shortNotice.body()).isEqualTo(400);
    assertThat(shortNotice.body())
        .contains("\"field\":\"convocation.sentOn\"", "2 jour(s) avant la séance");

    var second =
        secretariat()
            .postJson(
                BASE + "/sessions",
                """
                {"date":"2019-04-11","chairMemberId":"%s","present":["%s","%s","%s"],\
                "mandates":[{"fromMemberId":"%s","toMemberId":"%s"}],"firstConvocationId":"%s"}"""
                    .formatted(
                        prefet, prefet, procureur, association, medecins, procureur, firstId));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    assertThat(second.body()).contains("\"mayDeliberate\":true");
    String secondId = id(second);
    assertThat(place(secondId, dossierId).statusCode()).isEqualTo(204);
    // The préfet, the procureur and the médecins' mandate vote: the association does not.
    var miscounted = secretariat().postJson(opinions(secondId), vote(dossierId, 3, 1, 0));
    assertThat(miscounted.statusCode()).isEqualTo(400);
    assertThat(miscounted.body()).contains("\"field\":\"votesFor\"", "pour 3 membres");
    var opinion = secretariat().postJson(opinions(secondId), vote(dossierId, 2, 1, 0));
    assertThat(opinion.statusCode()).as(opinion.body()).isEqualTo(201);

    String minutes =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> minutesText(secondId), text -> text.contains("Avis de la commission"));
    assertThat(minutes)
        .contains(
            "Procès-verbal de la séance du 11 avril 2019",
            "Seconde convocation, la séance du 4 avril 2019 n'ayant pas atteint le quorum.",
            "Présidence : Le préfet du Gers.",
            "Membres de la commission : 6 ; présents : 3 ; représentés : 1 ; quorum : 3.",
            "Sur seconde convocation, la commission délibère sans condition de quorum.",
            "Membres présents - Le préfet du Gers (Services de l'État)"
                + " - Le procureur de la République (Justice)"
                + " - L'association Passerelle 32 (Associations)",
            "Membres représentés - Le président du conseil de l'ordre des médecins (Santé),"
                + " mandat donné à Le procureur de la République",
            "Membres absents - Le commandant du groupement de gendarmerie (Police et gendarmerie)"
                + " - Le président du conseil départemental (Collectivités territoriales)",
            "1. Dossier " + dossierId + " — première demande",
            "Ne prennent pas part au vote (intérêt personnel) : L'association Passerelle 32.",
            "Pour : 2 ; contre : 1 ; abstentions : 0.",
            "Avis de la commission : favorable.");
    assertThat(minutesText(firstId))
        .contains(
            "Procès-verbal de la séance du 4 avril 2019",
            "Première convocation.",
            "Convocation adressée aux membres le 28 mars 2019.",
            "Le quorum n'est pas atteint : la commission ne délibère pas ; elle sera convoquée à"
                + " nouveau avec le même ordre du jour.",
            "Ordre du jour 1. Dossier " + dossierId + " — première demande Non délibéré.")
        .doesNotContain(gendarmerie);
  }

  @Test
  void aFirstConvocationHasOneSecondConvocationEvenWhenTwoAreRecordedAtOnce() {
    String base = "/api/departements/47/commission";
    TestHttp secretariat = TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", "47"));
    List<String> members = new ArrayList<>();
    for (String[] member :
        List.of(
            new String[] {"Le préfet de Lot-et-Garonne", "STATE_SERVICES"},
            new String[] {"Le procureur de la République d'Agen", "JUSTICE"},
            new String[] {
              "La directrice départementale de la sécurité publique", "POLICE_GENDARMERIE"
            })) {
      var appointed =
          secretariat.postJson(
              base + "/members",
              "{\"name\":\"%s\",\"category\":\"%s\"}".formatted(member[0], member[1]));
      assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(201);
      members.add(id(appointed));
    }
    String prefet = members.get(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> secretariat.get(base + "/members").body().split("memberId").length - 1 == 3);
    var first =
        secretariat.postJson(
            base + "/sessions",
            """
            {"date":"2019-05-02","chairMemberId":"%s","present":["%s"]}"""
                .formatted(prefet, prefet));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"mayDeliberate\":false");
    String firstId = id(first);

    List<CompletableFuture<HttpResponse<String>>> seconds =
        List.of("2019-05-09", "2019-05-10").stream()
            .map(
                date ->
                    CompletableFuture.supplyAsync(
                        () ->
                            secretariat.postJson(
                                base + "/sessions",
                                """
                                {"date":"%s","chairMemberId":"%s","present":["%s"],\
                                "firstConvocationId":"%s"}"""
                                    .formatted(date, prefet, prefet, firstId))))
            .toList();
    List<HttpResponse<String>> answers = seconds.stream().map(CompletableFuture::join).toList();
    assertThat(answers)
        .extracting(HttpResponse::statusCode)
        .as(answers.stream().map(HttpResponse::body).toList().toString())
        .containsExactlyInAnyOrder(201, 409);

    var third =
        secretariat.postJson(
            base + "/sessions",
            """
            {"date":"2019-05-16","chairMemberId":"%s","present":["%s"],"firstConvocationId":"%s"}"""
                .formatted(prefet, prefet, firstId));
    assertThat(third.statusCode()).as(third.body()).isEqualTo(409);
    assertThat(third.body()).contains("a déjà sa seconde convocation");
  }

  @Test
  void minutesAreTheSecretariatsThePrefecturesAndAuditorsOnly() throws Exception {
    assertThat(pdf("/no-such-session", TestTokens.staff("SECRETARIAT", GERS)).statusCode())
        .isEqualTo(404);
    assertThat(
            pdf("/no-such-session", TestTokens.association(Pathways.ASSOCIATION, GERS))
                .statusCode())
        .isEqualTo(403);
  }

  private String appoint(String name, String category, String associationId) {
    var response =
        secretariat()
            .postJson(
                BASE + "/members",
                associationId == null
                    ? "{\"name\":\"%s\",\"category\":\"%s\"}".formatted(name, category)
                    : "{\"name\":\"%s\",\"category\":\"%s\",\"associationId\":\"%s\"}"
                        .formatted(name, category, associationId));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return id(response);
  }

  private HttpResponse<String> place(String sessionId, String dossierId) {
    return secretariat()
        .postJson(
            BASE + "/sessions/" + sessionId + "/agenda", "{\"dossierId\":\"" + dossierId + "\"}");
  }

  private static String opinions(String sessionId) {
    return BASE + "/sessions/" + sessionId + "/opinions";
  }

  private static String vote(String dossierId, int votesFor, int votesAgainst, int abstentions) {
    return """
        {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":%d,"votesAgainst":%d,\
        "abstentions":%d,"chairVotedFor":true}"""
        .formatted(dossierId, votesFor, votesAgainst, abstentions);
  }

  /** The minutes' text, its lines joined by single spaces. */
  private String minutesText(String sessionId) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = pdf("/" + sessionId, TestTokens.staff("PREFECTURE", GERS));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument document = Loader.loadPDF(response.body())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
    }
  }

  private HttpResponse<byte[]> pdf(String session, String token)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + BASE + "/sessions" + session + "/minutes.pdf"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private String submitted() {
    String dossierId = UUID.randomUUID().toString();
    EventContract contract = EventContract.of(DossierSubmitted.TYPE);
    String json =
        contract
            .goldenSample()
            .replace("5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11", dossierId)
            .replace("\"31\"", "\"" + GERS + "\"");
    contract.assertValid(json);
    TestEvents.send(
        DossierEvents.TOPIC, UUID.randomUUID().toString(), DossierSubmitted.TYPE, dossierId, json);
    return dossierId;
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private TestHttp secretariat() {
    return TestHttp.onPort(port).as(TestTokens.staff("SECRETARIAT", GERS));
  }
}
