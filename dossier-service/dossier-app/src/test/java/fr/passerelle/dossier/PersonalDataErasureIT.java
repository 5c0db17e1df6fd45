package fr.passerelle.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.contract.EventContract;
import fr.passerelle.databasedump.DatabaseDump;
import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.events.DossierSubmitted;
import fr.passerelle.dossier.events.PersonalDataErased;
import fr.passerelle.dossier.vault.KeyEncryptionKeys.WrappedKey;
import fr.passerelle.dossier.vault.KeyStoreFile;
import fr.passerelle.dossier.vault.PersonVault;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import fr.passerelle.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure tried as someone holding a dump of the database, the key store and every topic would:
 * before the erasure the person's identity can be decrypted from the dump with the key store (so
 * the search below can find it), after it nothing in the dump nor on any topic reads as their name,
 * birth date, contacts or plan notes, and the vault's id that linked the bus to the vault is gone.
 */
@ServiceIntegrationTest
class PersonalDataErasureIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");
  private static final List<String> IDENTITY =
      List.of(
          "Zyxbrandt",
          "Quillavera",
          "1987-02-19",
          "+33 7 98 76 54 32",
          "q.zyxbrandt@example.net",
          "Hébergement chez sa cousine Zyxbrandt");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonVault vault;

  private TestHttp association;
  private TestHttp prefecture;
  private String associationId;

  @BeforeEach
  void anApprovedAssociation() {
    prefecture = TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", "31"));
    var registered =
        prefecture.postJson("/api/departements/31/associations", Dossiers.anAssociationBody());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    associationId = id(registered);
    association = TestHttp.onPort(port).as(TestTokens.association(associationId, "31"));
  }

  @Test
  void afterTheErasureNoDumpNorTopicReadsAsThePerson() {
    String dossierId = submitted();
    String personId = personIdOf(dossierId);
    String pseudonym = vault.pseudonym(personId, dossierId).orElseThrow();
    ConsumerRecord<String, String> submission =
        Dossiers.awaitPublished(dossierId, DossierSubmitted.TYPE);
    assertThat(submission.value())
        .contains("\"personPseudonym\":\"" + pseudonym + "\"")
        .doesNotContain(personId);

    String before = dump();
    assertThat(before).doesNotContain(IDENTITY);
    assertThat(decryptedFrom(before, personId))
        .hasValueSatisfying(
            file ->
                assertThat(file).contains("Zyxbrandt", "1987-02-19", "q.zyxbrandt@example.net"));

    var renewal =
        association.postJson(
            "/api/departements/31/dossiers/" + dossierId + "/renewal-requests",
            """
            {"requestedOn":"%s","plan":"Formation pour Mme Zyxbrandt",\
            "achievements":"Hébergement chez sa cousine Zyxbrandt"}"""
                .formatted(LocalDate.now(Dossiers.FRANCE)));
    assertThat(renewal.statusCode()).as(renewal.body()).isEqualTo(201);
    assertThat(dump())
        .as("a renewal's plan is kept in clear until the erasure")
        .contains("Zyxbrandt");

    var requested =
        association.postJson(
            "/api/departements/31/dossiers/" + dossierId + "/erasure-request",
            "{\"receivedOn\":\"" + LocalDate.now(Dossiers.FRANCE) + "\"}");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    assertThat(association.get("/api/departements/31/dossiers/" + dossierId).body())
        .contains("Zyxbrandt", "\"requestReceivedOn\":\"" + LocalDate.now(Dossiers.FRANCE) + "\"");
    var confirmed =
        prefecture.postJson(
            "/api/departements/31/dossiers/" + dossierId + "/erasure-request/confirmation", "");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

    ConsumerRecord<String, String> tombstone =
        Dossiers.awaitPublished(dossierId, PersonalDataErased.TYPE);
    EventContract.of(PersonalDataErased.TYPE).assertValid(tombstone.value());
    assertThat(tombstone.value())
        .contains(
            "\"reason\":\"PERSON_REQUEST\"",
            "\"erasedOn\":\"" + LocalDate.now(Dossiers.FRANCE) + "\"");

    String after = dump();
    assertThat(after).doesNotContain(IDENTITY);
    assertThat(decryptedFrom(after, personId)).isEmpty();
    // The vault's person id stays in the service's own events, which are never rewritten: drawn at
    // random for this dossier's draft, it names no one once the vault's rows are gone, and it never
    // travels (the bus carries the pseudonym, unlinkable once the data key is destroyed).
    Map<String, String> tables = copyBlocks(after);
    tables.keySet().removeAll(Set.of("public.domain_event_entry", "public.snapshot_event_entry"));
    tables.forEach(
        (table, rows) ->
            assertThat(rows + DatabaseDump.binaryValuesAsText(rows))
                .as("the person id in " + table)
                .doesNotContain(personId));
    assertThat(vault.pseudonym(personId, dossierId)).isEmpty();
    assertThat(everyTopic()).doesNotContain(IDENTITY).doesNotContain(personId);
    var page = association.get("/api/departements/31/dossiers/" + dossierId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("\"person\":null", "\"reason\":\"PERSON_REQUEST\"")
        .doesNotContain(IDENTITY);
  }

  @Test
  void anErasureRequestForAnUnknownDossierIsAProblemAndChangesNothing() {
    long events = countEvents();

    var unknown =
        prefecture.postJson(
            "/api/departements/31/dossiers/no-such-dossier/erasure-request",
            "{\"receivedOn\":\"" + LocalDate.now(Dossiers.FRANCE) + "\"}");
    var unconfirmed =
        prefecture.postJson(
            "/api/departements/31/dossiers/no-such-dossier/erasure-request/confirmation", "");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unconfirmed.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(countEvents()).isEqualTo(events);
  }

  @Test
  void aRequestWithoutItsDateOrDatedInTheFutureIsRefusedNamingTheField() {
    String dossierId = submitted();
    long events = countEvents();
    String path = "/api/departements/31/dossiers/" + dossierId + "/erasure-request";

    var missing = association.postJson(path, "{}");
    var future =
        association.postJson(
            path, "{\"receivedOn\":\"" + LocalDate.now(Dossiers.FRANCE).plusDays(1) + "\"}");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"receivedOn\"");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("\"field\":\"receivedOn\"");
    assertThat(countEvents()).isEqualTo(events);
  }

  /**
   * The day a request was received is the département's: at 22:30 in Martinique, Paris already the
   * next day, a request dated Paris's day is refused as in the future, one dated Martinique's
   * taken.
   */
  @Test
  void aRequestDatedParissTodayIsRefusedInMartiniqueWhileItIsStillTheDayBeforeThere(
      @Autowired MovableClock clock) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    clock.set(day.atTime(2, 30).toInstant(ZoneOffset.UTC));
    try {
      var registered =
          TestHttp.onPort(port)
              .as(TestTokens.staff("PREFECTURE", "972"))
              .postJson("/api/departements/972/associations", Dossiers.anAssociationBody());
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String inMartinique = id(registered);
      var martinique = TestHttp.onPort(port).as(TestTokens.association(inMartinique, "972"));
      var drafted =
          martinique.postJson(
              "/api/departements/972/dossiers", Dossiers.aCompleteDossierBody(inMartinique));
      assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
      String path = "/api/departements/972/dossiers/" + id(drafted) + "/erasure-request";
      long events = countEvents();

      var parissDay = martinique.postJson(path, "{\"receivedOn\":\"" + day + "\"}");

      assertThat(parissDay.statusCode()).isEqualTo(400);
      assertThat(parissDay.body())
          .contains("\"field\":\"receivedOn\"", "ne peut pas être dans le futur");
      assertThat(countEvents()).isEqualTo(events);

      var martiniquesDay =
          martinique.postJson(path, "{\"receivedOn\":\"" + day.minusDays(1) + "\"}");

      assertThat(martiniquesDay.statusCode()).as(martiniquesDay.body()).isEqualTo(202);
    } finally {
      clock.reset();
    }
  }

  @Test
  void theAgentWhoRecordedTheRequestCannotConfirmItAndAnErasureIsDoneOnce() {
    String dossierId = submitted();
    String path = "/api/departements/31/dossiers/" + dossierId + "/erasure-request";
    assertThat(
            prefecture
                .postJson(path, "{\"receivedOn\":\"" + LocalDate.now(Dossiers.FRANCE) + "\"}")
                .statusCode())
        .isEqualTo(202);

    var sameAgent = prefecture.postJson(path + "/confirmation", "");

    assertThat(sameAgent.statusCode()).isEqualTo(409);
    assertThat(association.get("/api/departements/31/dossiers/" + dossierId).body())
        .contains("Zyxbrandt");
    var other =
        TestHttp.onPort(port)
            .as(TestTokens.token("another-agent", List.of("PREFECTURE"), List.of("31")));
    assertThat(other.postJson(path + "/confirmation", "").statusCode()).isEqualTo(200);
    assertThat(other.postJson(path + "/confirmation", "").statusCode()).isEqualTo(409);
    assertThat(
            association
                .putJson(
                    "/api/departements/31/dossiers/" + dossierId,
                    Dossiers.aCompleteDossierBody(associationId))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void everyRefusedStepOfAnErasureIsAProblemAndChangesNothing() {
    String dossierId = submitted();
    String path = "/api/departements/31/dossiers/" + dossierId + "/erasure-request";
    String request = "{\"receivedOn\":\"" + LocalDate.now(Dossiers.FRANCE) + "\"}";
    var otherDepartment = TestHttp.onPort(port).as(TestTokens.staff("PREFECTURE", "75"));
    var anotherAgent =
        TestHttp.onPort(port)
            .as(TestTokens.token("another-agent", List.of("PREFECTURE"), List.of("31")));
    long before = dossierEvents(dossierId);

    assertProblem(otherDepartment.postJson(path, request), 403);
    assertProblem(
        otherDepartment.postJson(
            "/api/departements/75/dossiers/" + dossierId + "/erasure-request", request),
        404);
    assertProblem(anotherAgent.postJson(path + "/confirmation", ""), 409);
    assertThat(dossierEvents(dossierId)).as("nothing recorded").isEqualTo(before);

    assertThat(prefecture.postJson(path, request).statusCode()).isEqualTo(202);
    long requested = dossierEvents(dossierId);
    assertProblem(association.postJson(path, request), 409);
    assertProblem(prefecture.postJson(path + "/confirmation", ""), 409);
    assertProblem(otherDepartment.postJson(path + "/confirmation", ""), 403);
    assertProblem(
        otherDepartment.postJson(
            "/api/departements/75/dossiers/" + dossierId + "/erasure-request/confirmation", ""),
        404);
    assertThat(dossierEvents(dossierId)).as("only the request recorded").isEqualTo(requested);
    assertThat(association.get("/api/departements/31/dossiers/" + dossierId).body())
        .as("still readable")
        .contains("Zyxbrandt");

    assertThat(anotherAgent.postJson(path + "/confirmation", "").statusCode()).isEqualTo(200);
    long erased = dossierEvents(dossierId);
    assertProblem(anotherAgent.postJson(path + "/confirmation", ""), 409);
    assertProblem(prefecture.postJson(path, request), 409);
    assertThat(dossierEvents(dossierId)).as("erased once").isEqualTo(erased);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status, "\"title\":\"");
  }

  private String submitted() {
    var drafted =
        association.postJson(
            "/api/departements/31/dossiers",
            Dossiers.aCompleteDossierBody(associationId)
                .replace("Okafor", "Zyxbrandt")
                .replace("Blessing", "Quillavera")
                .replace("1994-05-02", "1987-02-19")
                .replace("+33 6 12 34 56 78", "+33 7 98 76 54 32")
                .replace("b.okafor@example.org", "q.zyxbrandt@example.net")
                .replace("Hébergement puis formation", "Hébergement chez sa cousine Zyxbrandt"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String dossierId = id(drafted);
    var submitted =
        association.postJson("/api/departements/31/dossiers/" + dossierId + "/submission", "");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    return dossierId;
  }

  private String personIdOf(String dossierId) {
    return jdbc.queryForObject(
        "SELECT person_id FROM dossier_summary WHERE dossier_id = ?", String.class, dossierId);
  }

  /**
   * The dossier's own events: a refusal by the route guard is written to the access log (an event
   * of its own), which is what should happen, not a change of the dossier.
   */
  private long dossierEvents(String dossierId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class,
        dossierId);
  }

  private long countEvents() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  private static String dump() {
    TestInfrastructure infrastructure = TestInfrastructure.get();
    return DatabaseDump.of(
        infrastructure.jdbcUrl("dossier_service"),
        infrastructure.username(),
        infrastructure.password());
  }

  /**
   * What someone holding the dump and the key store reads of the person: their file, decrypted with
   * the data key unwrapped from the dump's {@code person_key} row.
   */
  private static Optional<String> decryptedFrom(String dump, String personId) {
    Map<String, String> key = row(dump, "public.person_key", personId);
    Map<String, String> file = row(dump, "public.person_file", personId);
    if (key == null || file == null) {
      return Optional.empty();
    }
    byte[] dataKey =
        KeyStoreFile.open(TestKeyStore.file())
            .unwrap(
                new WrappedKey(
                    Integer.parseInt(key.get("kek_version")), bytea(key.get("wrapped_key"))),
                personId);
    try {
      byte[] stored = bytea(file.get("ciphertext"));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(dataKey, "AES"),
          new GCMParameterSpec(128, stored, 0, 12));
      return Optional.of(
          new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The row of {@code table} whose first column is {@code id}, from the dump's COPY block. */
  private static Map<String, String> row(String dump, String table, String id) {
    Matcher block =
        Pattern.compile(
                "COPY " + Pattern.quote(table) + " \\(([^)]*)\\) FROM stdin;\\n(.*?)\\\\\\.\\n",
                Pattern.DOTALL)
            .matcher(dump);
    assertThat(block.find()).as("the dump holds " + table).isTrue();
    String[] columns = block.group(1).split(", ");
    for (String line : block.group(2).split("\n")) {
      String[] values = line.split("\t");
      if (values[0].equals(id)) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
          row.put(columns[i], values[i]);
        }
        return row;
      }
    }
    return null;
  }

  /** The rows of each table of the dump, by table: each table's COPY block. */
  private static Map<String, String> copyBlocks(String dump) {
    Matcher block =
        Pattern.compile("COPY (\\S+) \\([^)]*\\) FROM stdin;\\n(.*?)\\\\\\.\\n", Pattern.DOTALL)
            .matcher(dump);
    Map<String, String> blocks = new LinkedHashMap<>();
    while (block.find()) {
      blocks.put(block.group(1), block.group(2));
    }
    return blocks;
  }

  private static byte[] bytea(String copied) {
    return HexFormat.of().parseHex(copied.replace("\\\\x", ""));
  }

  /** Every record of every topic of the broker: keys, headers and values. */
  private static String everyTopic() {
    StringBuilder all = new StringBuilder();
    List<String> topics = new ArrayList<>();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
      topics.addAll(admin.listTopics().names().get());
    } catch (Exception e) {
      throw new AssertionError("cannot list the topics", e);
    }
    assertThat(topics).contains(DossierEvents.TOPIC);
    for (String topic : topics) {
      try (var reader = new TopicReader(topic)) {
        for (ConsumerRecord<String, String> record : reader.readAll()) {
          all.append(record.key()).append('\n').append(record.value()).append('\n');
          for (Header header : record.headers()) {
            all.append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
          }
        }
      }
    }
    return all.toString();
  }

  private static String id(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }
}
