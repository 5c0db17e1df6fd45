package fr.passerelle.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Loads the Haute-Garonne year into a running platform through the gateway's public API, as the
 * teams would enter it: the préfecture approves the associations, the associations draft and submit
 * the dossiers, the secretariat names the commission's members, records its session (who was
 * present, who gave a mandate) and puts each dossier on its agenda, the commission gives its
 * opinion (the accompanying association's member out of the vote), the préfet decides; the
 * préfecture issues the residence permits of the foreign victims of trafficking, the associations
 * request the AFIS and the préfet decides it, and the associations record the jobs found. Every
 * figure then follows from the platform's events. Everything is dated today, so the review is this
 * year's.
 *
 * <p>Usage: {@code ScenarioLoader [gateway URL] [--force]}. Without {@code --force} it loads
 * nothing into a platform that already has validated pathways this year.
 */
public class ScenarioLoader {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /** The scenario's nationals who need no residence permit: Romania and Bulgaria are in the EU. */
  private static final Set<String> EUROPEAN = Set.of("RO", "BG", "FR");

  private final PlatformClient platform;
  private final LocalDate today;
  private final PrintStream out;

  public ScenarioLoader(PlatformClient platform, LocalDate today, PrintStream out) {
    this.platform = platform;
    this.today = today;
    this.out = out;
  }

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    String gateway =
        arguments.stream()
            .filter(a -> !a.startsWith("--"))
            .findFirst()
            .orElse("http://127.0.0.1:8080");
    var loader = new ScenarioLoader(new PlatformClient(gateway), LocalDate.now(), System.out);
    if (!arguments.contains("--force") && loader.alreadyLoaded()) {
      System.out.println(
          "The platform already has validated pathways this year: nothing loaded (--force to load anyway).");
      return;
    }
    loader.load(HauteGaronneYear.scenario());
  }

  /** Whether this year already has validated pathways. */
  public boolean alreadyLoaded() {
    return platform
            .as("analyst")
            .get("/api/reports/national?year=" + today.getYear())
            .path("validated")
            .asLong()
        > 0;
  }

  public void load(List<DepartmentYear> scenario) {
    for (DepartmentYear year : scenario) {
      load(year);
    }
    out.printf(
        "Loaded %d dossiers in %d départements. Review: GET /api/departements/31/reports/review?year=%d%n",
        scenario.stream().mapToInt(y -> y.dossiers().size()).sum(),
        scenario.size(),
        today.getYear());
  }

  private void load(DepartmentYear year) {
    String department = year.departmentCode();
    String base = "/api/departements/" + department;
    PlatformClient prefecture = platform.as("prefecture-" + department);
    PlatformClient secretariat = platform.as("secretariat-" + department);
    List<String> associations = new ArrayList<>();
    Map<String, PlatformClient> associationUsers = new LinkedHashMap<>();
    for (String name : year.associations()) {
      associations.add(
          prefecture
              .post(
                  base + "/associations",
                  Map.of(
                      "name", name,
                      "approvedFrom", today.minusYears(1).toString(),
                      "approvedUntil", today.plusYears(2).toString()))
              .path("associationId")
              .asString());
    }
    for (String association : associations) {
      associationUsers.put(association, platform.as("association-" + department, association));
    }

    Map<String, Beneficiary> submitted = new LinkedHashMap<>();
    Map<String, PlatformClient> followedBy = new LinkedHashMap<>();
    for (Beneficiary person : year.dossiers()) {
      String association = associations.get(submitted.size() % associations.size());
      PlatformClient member = associationUsers.get(association);
      String dossierId =
          member
              .post(base + "/dossiers", dossier(association, person, submitted.size()))
              .path("dossierId")
              .asString();
      member.post(base + "/dossiers/" + dossierId + "/submission", Map.of());
      submitted.put(dossierId, person);
      followedBy.put(dossierId, member);
    }

    secretariat.await(
        base + "/commission/pending-dossiers",
        pending -> ids(pending).containsAll(submitted.keySet()),
        PATIENCE);
    // The commission is named once: a second load finds its members by name.
    Map<String, String> named = new LinkedHashMap<>();
    for (JsonNode member : secretariat.get(base + "/commission/members")) {
      named.put(member.path("name").asString(), member.path("memberId").asString());
    }
    Map<Integer, String> associationMembers = new LinkedHashMap<>();
    List<String> members = new ArrayList<>();
    for (CommissionSeat seat : year.commission()) {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("name", seat.name());
      member.put("category", seat.category());
      if (seat.association() != null) {
        member.put("associationId", associations.get(seat.association()));
      }
      String memberId =
          named.containsKey(seat.name())
              ? named.get(seat.name())
              : secretariat.post(base + "/commission/members", member).path("memberId").asString();
      members.add(memberId);
      if (seat.association() != null) {
        associationMembers.put(seat.association(), memberId);
      }
    }
    // All but the last three seats before the associations' attend: the second and third of
    // those are absent, one of them represented by the second member; the associations attend.
    int firstAssociation = year.commissionMembers() - associationMembers.size();
    List<String> present = new ArrayList<>(members);
    String represented = members.get(firstAssociation - 1);
    present.remove(represented);
    present.remove(members.get(firstAssociation - 2));
    int attending = present.size() + 1;
    String sessionId =
        secretariat
            .post(
                base + "/commission/sessions",
                Map.of(
                    "date",
                    today.toString(),
                    "chairMemberId",
                    members.get(0),
                    "present",
                    present,
                    "mandates",
                    List.of(Map.of("fromMemberId", represented, "toMemberId", members.get(1)))))
            .path("sessionId")
            .asString();

    for (var dossier : submitted.entrySet()) {
      // The member of the association that accompanies the person takes no part in the vote.
      int voters = attending - 1;
      decide(
          secretariat, prefecture, base, sessionId, voters, dossier.getKey(), dossier.getValue());
    }
    for (var dossier : submitted.entrySet()) {
      if (dossier.getValue().validated()) {
        decideRights(
            prefecture,
            followedBy.get(dossier.getKey()),
            base,
            dossier.getKey(),
            dossier.getValue());
      }
    }
    for (var dossier : submitted.entrySet()) {
      if (dossier.getValue().employment() != null) {
        String beneficiary = base + "/beneficiaries/" + dossier.getKey();
        PlatformClient member = followedBy.get(dossier.getKey());
        member.post(
            beneficiary + "/employment",
            Map.of(
                "contractType", dossier.getValue().employment(),
                "startDate", today.toString(),
                "weeklyHours", "CDI".equals(dossier.getValue().employment()) ? 35 : 24));
      }
    }
    out.printf(
        "%s: %d dossiers studied, %d validated%n",
        year.departmentCode(), submitted.size(), year.validated());
  }

  private void decide(
      PlatformClient secretariat,
      PlatformClient prefecture,
      String base,
      String sessionId,
      int voters,
      String dossierId,
      Beneficiary person) {
    String session = base + "/commission/sessions/" + sessionId;
    secretariat.post(session + "/agenda", Map.of("dossierId", dossierId));
    int majority = voters - 2;
    secretariat.post(
        session + "/opinions",
        Map.of(
            "dossierId",
            dossierId,
            "opinion",
            person.validated() ? "FAVOURABLE" : "UNFAVOURABLE",
            "votesFor",
            person.validated() ? majority : 1,
            "votesAgainst",
            person.validated() ? 1 : majority,
            "abstentions",
            1,
            "chairVotedFor",
            person.validated()));
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("dossierId", dossierId);
    decision.put("decidedOn", today.toString());
    if (person.validated()) {
      decision.put("decision", "AUTHORISE");
      decision.put("startDate", today.toString());
    } else {
      decision.put("decision", "REFUSE");
      decision.put("reason", "UNFAVOURABLE_OPINION");
      decision.put("motivation", "Avis défavorable de la commission");
    }
    prefecture.post(base + "/prefecture/decisions", decision);
  }

  /**
   * The rights of a validated person, decided today: a residence permit for six months when she is
   * a foreign victim of trafficking (a foreign national who is not holds a residence permit of her
   * own), then the AFIS, requested by her association with no resources and decided by the préfet.
   */
  private void decideRights(
      PlatformClient prefecture,
      PlatformClient association,
      String base,
      String dossierId,
      Beneficiary person) {
    String beneficiary = base + "/beneficiaries/" + dossierId;
    association.awaitFound(beneficiary, PATIENCE);
    boolean foreign = !EUROPEAN.contains(person.nationality());
    if (foreign && person.traffickingVictim()) {
      prefecture.post(
          beneficiary + "/permit",
          Map.of(
              "decidedOn", today.toString(),
              "validFrom", today.toString(),
              "validUntil", today.plusMonths(6).minusDays(1).toString(),
              "ceasedProstitution", true));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("requestedOn", today.toString());
    request.put("children", person.children());
    request.put("previousMonthResources", 0);
    request.put("receivesRsa", false);
    request.put("receivesAda", person.receivesAda());
    request.put(
        "residenceDocument", foreign && !person.traffickingVictim() ? "RESIDENCE_PERMIT" : "NONE");
    String requestId =
        association.post(beneficiary + "/afis/requests", request).path("requestId").asString();
    prefecture.post(
        beneficiary + "/afis/requests/" + requestId + "/decision",
        Map.of("decidedOn", today.toString()));
  }

  private Map<String, Object> dossier(String associationId, Beneficiary person, int number) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("lastName", "Personne");
    identity.put("firstName", "Démo " + (number + 1));
    identity.put("birthDate", today.minusYears(22 + number % 20).withDayOfYear(1).toString());
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("actions", List.of("HOUSING", "HEALTH_CARE", "PROFESSIONAL_INTEGRATION"));
    plan.put("notes", "Plan de démonstration");
    plan.put("stopsProstitution", true);
    plan.put("signedOn", today.toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("associationId", associationId);
    body.put("person", identity);
    body.put("nationality", person.nationality());
    body.put("children", person.children());
    body.put("monthlyResources", 0);
    body.put("receivesRsa", false);
    body.put("receivesAda", person.receivesAda());
    body.put("traffickingVictim", person.traffickingVictim());
    body.put("plan", plan);
    return body;
  }

  private static Set<String> ids(JsonNode pending) {
    return StreamSupport.stream(pending.spliterator(), false)
        .map(node -> node.path("dossierId").asString())
        .collect(Collectors.toSet());
  }
}
