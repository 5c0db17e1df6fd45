package fr.passerelle.fuzz;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data the fuzzer starts from, entered through the gateway by valid requests, in two
 * départements (31 and 2A): an association, a draft, a submitted dossier, a validated pathway with
 * its beneficiary and a job, a session. Its ids are what the generated requests aim at, so that
 * they reach the domain instead of stopping at "not found".
 */
final class World {

  static final List<String> DEPARTEMENTS = List.of("31", "2A");

  final Map<String, String> associations = new LinkedHashMap<>();
  final Map<String, String> sessions = new LinkedHashMap<>();
  final Map<String, List<String>> dossiers = new LinkedHashMap<>();
  final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

  static World enter(Gateway gateway) {
    World world = new World();
    for (String departement : DEPARTEMENTS) {
      world.enterDepartement(gateway, departement);
    }
    return world;
  }

  private void enterDepartement(Gateway gateway, String departement) {
    String base = "/api/departements/" + departement;
    String prefecture = gateway.token("prefecture-" + departement);
    String secretariat = gateway.token("secretariat-" + departement);
    String association =
        gateway
            .call(
                "POST",
                base + "/associations",
                prefecture,
                Map.of(
                    "name", "Association du fuzzer " + departement,
                    "approvedFrom", today.minusYears(1).toString(),
                    "approvedUntil", today.plusYears(2).toString()))
            .path("associationId")
            .asString();
    associations.put(departement, association);
    String member = gateway.token("association-" + departement, association);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          gateway
              .call("POST", base + "/dossiers", member, dossier(association))
              .path("dossierId")
              .asString());
    }
    dossiers.put(departement, ids);
    String submitted = ids.get(1);
    String validated = ids.get(2);
    gateway.call("POST", base + "/dossiers/" + submitted + "/submission", member, Map.of());
    gateway.call("POST", base + "/dossiers/" + validated + "/submission", member, Map.of());
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                gateway
                    .call("GET", base + "/commission/pending-dossiers", secretariat, null)
                    .toString()
                    .contains(validated));
    String chair = member(gateway, base, secretariat, "Le préfet", "STATE_SERVICES");
    String procureur = member(gateway, base, secretariat, "Le procureur", "JUSTICE");
    String session =
        gateway
            .call(
                "POST",
                base + "/commission/sessions",
                secretariat,
                Map.of(
                    "date", today.toString(),
                    "chairMemberId", chair,
                    "present", List.of(chair, procureur)))
            .path("sessionId")
            .asString();
    sessions.put(departement, session);
    String commission = base + "/commission/sessions/" + session;
    gateway.call("POST", commission + "/agenda", secretariat, Map.of("dossierId", validated));
    gateway.call(
        "POST",
        commission + "/opinions",
        secretariat,
        Map.of(
            "dossierId",
            validated,
            "opinion",
            "FAVOURABLE",
            "votesFor",
            2,
            "votesAgainst",
            0,
            "abstentions",
            0,
            "chairVotedFor",
            true));
    gateway.call(
        "POST",
        base + "/prefecture/decisions",
        prefecture,
        Map.of(
            "dossierId",
            validated,
            "decision",
            "AUTHORISE",
            "decidedOn",
            today.toString(),
            "startDate",
            today.toString()));
    String beneficiary = base + "/beneficiaries/" + validated;
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> gateway.send("GET", beneficiary, member, null, null).status() == 200);
    gateway.call(
        "POST",
        beneficiary + "/employment",
        member,
        Map.of("contractType", "CDI", "startDate", today.toString(), "weeklyHours", 35));
  }

  /** A member of the département's commission, named as its rules require before it sits. */
  private static String member(
      Gateway gateway, String base, String secretariat, String name, String category) {
    return gateway
        .call(
            "POST",
            base + "/commission/members",
            secretariat,
            Map.of("name", name, "category", category))
        .path("memberId")
        .asString();
  }

  Map<String, Object> dossier(String association) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("associationId", association);
    body.put(
        "person", Map.of("lastName", "Fuzz", "firstName", "Valeur", "birthDate", "1990-06-15"));
    body.put("nationality", "NG");
    body.put("children", 1);
    body.put("monthlyResources", 0);
    body.put("receivesRsa", false);
    body.put("receivesAda", false);
    body.put("traffickingVictim", true);
    body.put(
        "plan",
        Map.of(
            "actions", List.of("HOUSING"),
            "stopsProstitution", true,
            "signedOn", today.toString()));
    return body;
  }

  /** The ids a field or path variable of this name may hold, real ones first. */
  List<String> ids(String name) {
    return switch (name) {
      case "dossierId" -> {
        List<String> ids = new ArrayList<>();
        dossiers.values().forEach(ids::addAll);
        ids.add(UUID.randomUUID().toString());
        yield ids;
      }
      case "associationId" -> {
        List<String> ids = new ArrayList<>(associations.values());
        ids.add(UUID.randomUUID().toString());
        yield ids;
      }
      case "sessionId" -> {
        List<String> ids = new ArrayList<>(sessions.values());
        ids.add(UUID.randomUUID().toString());
        yield ids;
      }
      default -> List.of();
    };
  }
}
