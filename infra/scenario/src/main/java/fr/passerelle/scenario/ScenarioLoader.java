package fr.passerelle.scenario;

import fr.passerelle.scenario.DepartmentYear.ApprovedAssociation;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Loads the Haute-Garonne history into a running platform through the gateway's public API, with
 * its real dates, as the teams would enter it afterwards: the préfecture approves the associations
 * (each approval with its period), the associations draft and submit the dossiers (each submission
 * dated), the secretariat names the commission's members and, session after session, records the
 * session (its day, who was present, who gave a mandate) and puts on its agenda the first requests
 * and the renewal requests it studied; the commission gives its opinion (the accompanying
 * association's member out of the vote), the préfet decides; the préfecture issues the residence
 * permits of the foreign victims of trafficking, the associations request the AFIS and the préfet
 * decides it; the préfet ends the pathways that ended early, and the associations record the jobs
 * and trainings found. Every figure then follows from the platform's events, and the cumulative
 * review from the installation to January 2020 gives the article's.
 *
 * <p>The dates of each département's history are in {@link HauteGaronneYear}; those that follow
 * from them are chosen here, plausibly, since the article does not give them:
 *
 * <ul>
 *   <li>the préfet decides {@value #DECISION_DELAY_DAYS} days after the session (a Tuesday), on a
 *       first request or a renewal alike; an authorised pathway starts on the day of the decision
 *       and runs six months, each renewal six more from the end of the term before;
 *   <li>an association asks for a renewal three weeks before the session that studies it;
 *   <li>the préfecture issues the residence permit (APS) a week after the pathway's authorisation,
 *       valid six months; the association requests the AFIS the day after, the préfet decides it a
 *       week later;
 *   <li>an early end is decided on the pathway's last day.
 * </ul>
 *
 * <p>Usage: {@code ScenarioLoader [gateway URL] [--force]}. Without {@code --force} it loads
 * nothing into a platform whose Haute-Garonne commission already validated pathways by January
 * 2020.
 */
public class ScenarioLoader {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /** Départements loaded at the same time. */
  private static final int AT_ONCE = 4;

  /** Days from a session to the préfet's decisions on what it studied. */
  static final int DECISION_DELAY_DAYS = 5;

  /** The scenario's nationals who need no residence permit: Romania and Bulgaria are in the EU. */
  private static final Set<String> EUROPEAN = Set.of("RO", "BG", "FR");

  private static final String REVIEW =
      "/api/departements/31/reports/review?to=" + HauteGaronneYear.REVIEWED_UNTIL;

  private final PlatformClient platform;
  private final PrintStream out;

  public ScenarioLoader(PlatformClient platform, PrintStream out) {
    this.platform = platform;
    this.out = out;
  }

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    String gateway =
        arguments.stream()
            .filter(a -> !a.startsWith("--"))
            .findFirst()
            .orElse("http://127.0.0.1:8080");
    var loader = new ScenarioLoader(new PlatformClient(gateway), System.out);
    if (!arguments.contains("--force") && loader.alreadyLoaded()) {
      System.out.println(
          "The Haute-Garonne commission already has validated pathways by January 2020: nothing"
              + " loaded (--force to load anyway).");
      return;
    }
    loader.load(HauteGaronneYear.scenario());
  }

  /** Whether the Haute-Garonne commission already validated pathways by January 2020. */
  public boolean alreadyLoaded() {
    return platform.as("prefecture-31").get(REVIEW).path("validated").asLong() > 0;
  }

  /**
   * Loads each département's history, {@value #AT_ONCE} départements at a time: each has its own
   * teams, associations and commission, so that their histories are independent, and one waits for
   * the bus while another's commands are served. Within a département, everything happens in the
   * history's order.
   */
  public void load(List<DepartmentYear> scenario) {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<Future<?>> loads = new ArrayList<>();
      for (DepartmentYear year : scenario) {
        loads.add(pool.submit(() -> load(year)));
      }
      for (Future<?> load : loads) {
        finish(load);
      }
    } finally {
      pool.shutdownNow();
    }
    out.printf(
        "Loaded %d dossiers in %d départements in %d s. Review since the installation: GET %s%n",
        scenario.stream().mapToInt(y -> y.dossiers().size()).sum(),
        scenario.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        REVIEW);
  }

  /** Waits for one département's load; its failure is the whole load's. */
  private static void finish(Future<?> load) {
    try {
      load.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void load(DepartmentYear year) {
    String department = year.departmentCode();
    String base = "/api/departements/" + department;
    PlatformClient prefecture = platform.as("prefecture-" + department);
    PlatformClient secretariat = platform.as("secretariat-" + department);
    List<String> associations = new ArrayList<>();
    List<PlatformClient> associationUsers = new ArrayList<>();
    for (ApprovedAssociation approved : year.associations()) {
      String associationId =
          prefecture
              .post(
                  base + "/associations",
                  Map.of(
                      "name", approved.name(),
                      "approvedFrom", approved.approvedFrom().toString(),
                      "approvedUntil", approved.approvedUntil().toString()))
              .path("associationId")
              .asString();
      associations.add(associationId);
      associationUsers.add(platform.as("association-" + department, associationId));
    }
    Attendance attendance = commission(secretariat, base, year, associations);

    // By the person's place in the scenario: two people may hold the same facts.
    List<Beneficiary> dossiers = year.dossiers();
    String[] dossierIds = new String[dossiers.size()];
    for (int session = 0; session < year.sessions().size(); session++) {
      LocalDate sitting = year.sessions().get(session);
      LocalDate decidedOn = sitting.plusDays(DECISION_DELAY_DAYS);
      List<Integer> firstRequests = new ArrayList<>();
      List<Integer> renewals = new ArrayList<>();
      Map<String, Integer> awaited = new LinkedHashMap<>();
      for (int index = 0; index < dossiers.size(); index++) {
        Beneficiary person = dossiers.get(index);
        if (person.firstSession() == session) {
          PlatformClient member = associationUsers.get(person.association());
          String dossierId =
              member
                  .post(
                      base + "/dossiers",
                      dossier(associations.get(person.association()), person, index))
                  .path("dossierId")
                  .asString();
          member.post(
              base + "/dossiers/" + dossierId + "/submission",
              Map.of("submittedOn", person.submittedOn().toString()));
          dossierIds[index] = dossierId;
          firstRequests.add(index);
          awaited.put(dossierId, 1);
        }
        int term = renewalTerm(person, session);
        if (term > 0) {
          String dossierId = dossierIds[index];
          associationUsers
              .get(person.association())
              .post(
                  base + "/dossiers/" + dossierId + "/renewal-requests",
                  Map.of(
                      "requestedOn", sitting.minusWeeks(3).toString(),
                      "plan", "Poursuite du parcours : logement, formation, emploi",
                      "achievements", "Démarches engagées avec l'association"));
          renewals.add(index);
          awaited.put(dossierId, term);
        }
      }
      // Submissions and renewal requests reach the commission through the bus.
      secretariat.await(
          base + "/commission/pending-dossiers",
          pending -> terms(pending).entrySet().containsAll(awaited.entrySet()),
          PATIENCE);
      String sessionId =
          secretariat
              .post(
                  base + "/commission/sessions",
                  Map.of(
                      "date",
                      sitting.toString(),
                      "chairMemberId",
                      attendance.chair(),
                      "present",
                      attendance.present(),
                      "mandates",
                      List.of(
                          Map.of(
                              "fromMemberId",
                              attendance.represented(),
                              "toMemberId",
                              attendance.proxy()))))
              .path("sessionId")
              .asString();
      String agenda = base + "/commission/sessions/" + sessionId;
      for (int index : firstRequests) {
        Beneficiary person = dossiers.get(index);
        String dossierId = dossierIds[index];
        studied(secretariat, agenda, attendance, dossierId, person.validated());
        Map<String, Object> decision = decision(dossierId, decidedOn);
        if (person.validated()) {
          decision.put("decision", "AUTHORISE");
          decision.put("startDate", decidedOn.toString());
        } else {
          decision.put("decision", "REFUSE");
          decision.put("reason", "UNFAVOURABLE_OPINION");
          decision.put("motivation", "Avis défavorable de la commission");
        }
        prefecture.post(base + "/prefecture/decisions", decision);
      }
      for (int index : renewals) {
        Beneficiary person = dossiers.get(index);
        String dossierId = dossierIds[index];
        boolean granted = !Integer.valueOf(session).equals(person.renewalRefusedAt());
        studied(secretariat, agenda, attendance, dossierId, granted);
        Map<String, Object> decision = decision(dossierId, decidedOn);
        if (granted) {
          decision.put("decision", "RENEW");
        } else {
          decision.put("decision", "REFUSE_RENEWAL");
          decision.put("reason", "COMMITMENTS_NOT_KEPT");
          decision.put("motivation", "Engagements du parcours non tenus");
        }
        prefecture.post(base + "/prefecture/decisions", decision);
      }
      for (int index : firstRequests) {
        Beneficiary person = dossiers.get(index);
        if (person.validated()) {
          decideRights(
              prefecture,
              associationUsers.get(person.association()),
              base,
              dossierIds[index],
              person,
              decidedOn);
        }
      }
    }

    for (int index = 0; index < dossiers.size(); index++) {
      Beneficiary person = dossiers.get(index);
      if (person.end() != null) {
        Map<String, Object> decision = decision(dossierIds[index], person.end().decidedOn());
        decision.put("decision", "END");
        decision.put("reason", person.end().reason());
        if (!"PERSON_REQUEST".equals(person.end().reason())) {
          decision.put("motivation", "Engagements du parcours non tenus");
        }
        prefecture.post(base + "/prefecture/decisions", decision);
      }
      String beneficiary = base + "/beneficiaries/" + dossierIds[index];
      PlatformClient member = associationUsers.get(person.association());
      if (person.employment() != null) {
        member.post(
            beneficiary + "/employment",
            Map.of(
                "contractType", person.employment(),
                "startDate", person.employmentStart().toString(),
                "weeklyHours", "CDI".equals(person.employment()) ? 35 : 24));
      }
      if (person.trainingStart() != null) {
        member.post(
            beneficiary + "/training",
            Map.of("startDate", person.trainingStart().toString(), "weeklyHours", 20));
      }
    }
    out.printf(
        "%s: %d dossiers studied, %d validated, %d sessions from %s to %s%n",
        department,
        dossiers.size(),
        year.validated(),
        year.sessions().size(),
        year.sessions().get(0),
        year.sessions().get(year.sessions().size() - 1));
  }

  /**
   * The term a renewal studied at {@code session} would open (2 for the first renewal), or 0 when
   * the session studies no renewal of this person's.
   */
  private static int renewalTerm(Beneficiary person, int session) {
    int granted = person.renewalSessions().indexOf(session);
    if (granted >= 0) {
      return granted + 2;
    }
    return Integer.valueOf(session).equals(person.renewalRefusedAt())
        ? person.renewalSessions().size() + 2
        : 0;
  }

  /**
   * Names the commission once (a second load finds its members by name) and says who attends its
   * sessions: all but the last two seats before the associations'; of those two, the first is
   * represented by the second member, the other absent; the associations attend.
   */
  private Attendance commission(
      PlatformClient secretariat, String base, DepartmentYear year, List<String> associations) {
    Map<String, String> named = new LinkedHashMap<>();
    for (JsonNode member : secretariat.get(base + "/commission/members")) {
      named.put(member.path("name").asString(), member.path("memberId").asString());
    }
    List<String> members = new ArrayList<>();
    int associationSeats = 0;
    for (CommissionSeat seat : year.commission()) {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("name", seat.name());
      member.put("category", seat.category());
      if (seat.association() != null) {
        member.put("associationId", associations.get(seat.association()));
        associationSeats++;
      }
      members.add(
          named.containsKey(seat.name())
              ? named.get(seat.name())
              : secretariat.post(base + "/commission/members", member).path("memberId").asString());
    }
    int firstAssociation = members.size() - associationSeats;
    List<String> present = new ArrayList<>(members);
    String represented = members.get(firstAssociation - 1);
    present.remove(represented);
    present.remove(members.get(firstAssociation - 2));
    return new Attendance(members.get(0), present, represented, members.get(1));
  }

  /** Who attends a session: the chair, the members present, one represented and by whom. */
  private record Attendance(String chair, List<String> present, String represented, String proxy) {

    /**
     * Those who vote on a dossier: the members present and the one represented, but the member of
     * the association that accompanies the person, who takes no part in the vote.
     */
    int voters() {
      return present.size();
    }
  }

  private static Map<String, Object> decision(String dossierId, LocalDate decidedOn) {
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("dossierId", dossierId);
    decision.put("decidedOn", decidedOn.toString());
    return decision;
  }

  /**
   * On the session's agenda, then the commission's opinion: favourable or not by a clear majority,
   * one abstention.
   */
  private static void studied(
      PlatformClient secretariat,
      String session,
      Attendance attendance,
      String dossierId,
      boolean favourable) {
    secretariat.post(session + "/agenda", Map.of("dossierId", dossierId));
    int majority = attendance.voters() - 2;
    secretariat.post(
        session + "/opinions",
        Map.of(
            "dossierId",
            dossierId,
            "opinion",
            favourable ? "FAVOURABLE" : "UNFAVOURABLE",
            "votesFor",
            favourable ? majority : 1,
            "votesAgainst",
            favourable ? 1 : majority,
            "abstentions",
            1,
            "chairVotedFor",
            favourable));
  }

  /**
   * The rights of a validated person, from the pathway's authorisation on {@code authorisedOn}: a
   * residence permit for six months a week later when she is a foreign victim of trafficking (a
   * foreign national who is not holds a residence permit of her own), then the AFIS, requested by
   * her association with no resources the day after and decided by the préfet a week later.
   */
  private void decideRights(
      PlatformClient prefecture,
      PlatformClient association,
      String base,
      String dossierId,
      Beneficiary person,
      LocalDate authorisedOn) {
    LocalDate permitFrom = authorisedOn.plusWeeks(1);
    LocalDate requestedOn = permitFrom.plusDays(1);
    String beneficiary = base + "/beneficiaries/" + dossierId;
    association.awaitFound(beneficiary, PATIENCE);
    boolean foreign = !EUROPEAN.contains(person.nationality());
    if (foreign && person.traffickingVictim()) {
      prefecture.post(
          beneficiary + "/permit",
          Map.of(
              "decidedOn", permitFrom.toString(),
              "validFrom", permitFrom.toString(),
              "validUntil", permitFrom.plusMonths(6).minusDays(1).toString(),
              "ceasedProstitution", true));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("requestedOn", requestedOn.toString());
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
        Map.of("decidedOn", requestedOn.plusWeeks(1).toString()));
  }

  private Map<String, Object> dossier(String associationId, Beneficiary person, int number) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("lastName", "Personne");
    identity.put("firstName", "Démo " + (number + 1));
    identity.put(
        "birthDate", person.submittedOn().minusYears(22 + number % 20).withDayOfYear(1).toString());
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("actions", List.of("HOUSING", "HEALTH_CARE", "PROFESSIONAL_INTEGRATION"));
    plan.put("notes", "Plan de démonstration");
    plan.put("stopsProstitution", true);
    plan.put("signedOn", person.submittedOn().minusWeeks(1).toString());
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

  /** The dossiers awaiting a session, each with the term its request would open. */
  private static Map<String, Integer> terms(JsonNode pending) {
    return StreamSupport.stream(pending.spliterator(), false)
        .collect(
            Collectors.toMap(
                node -> node.path("dossierId").asString(),
                node -> node.path("termNumber").asInt(),
                (first, second) -> second));
  }
}
