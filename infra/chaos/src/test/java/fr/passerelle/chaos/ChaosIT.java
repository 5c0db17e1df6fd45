package fr.passerelle.chaos;

import static fr.passerelle.chaos.Effect.audited;
import static fr.passerelle.chaos.Effect.readModel;
import static fr.passerelle.chaos.Effect.stored;
import static fr.passerelle.chaos.Effect.storedForTerm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.chaos.History.Kind;
import fr.passerelle.edge.DepartmentCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults while the platform works: the whole platform started by {@code passerelle up}, clients
 * running whole pathways through the gateway (draft, submission, the commission's session, agenda
 * and opinion, the préfet's authorisation, a job, the AFIS requested and granted, the renewal asked
 * for, studied and granted, one pathway in two ended early, one in three followed by the month's
 * payment run) while, one after another, each service, the gateway and the Kafka broker are killed
 * (SIGKILL) and restarted, PostgreSQL crashes (every one of its processes killed, at the first
 * moment within 10 s when its WAL holds records not written yet, which are lost: asynchronous
 * commits of ADR 60 and 61 may be among them) and is restarted, and decision-service is paused
 * (SIGSTOP) until the broker has evicted its consumers from their groups.
 *
 * <p>Nothing waits for a set time: a fault comes once every client has completed a whole pathway
 * since the previous one, the pause lasts until the broker reports the eviction, and the check
 * comes once every outbox, event processor and consumer group has caught up.
 *
 * <p>Then the history checker compares what the clients were told with what the platform holds:
 * every command answered 2xx has its effect exactly once in every place it must reach (its
 * service's event store, the services downstream, reporting's read models, the audit chain); no
 * command answered 4xx has any; a command whose answer was lost has its effect once or not at all;
 * every line of a confirmed payment run is done once and nobody is paid twice for the month; each
 * read model equals its count recomputed from the event stores; no dead letter remains. It prints
 * the figures and the time the platform took to accept and propagate a dossier again after each
 * fault.
 *
 * <p>With {@code -Dchaos.instances=N} (1 by default), the platform runs N instances of each service
 * and of the gateway ({@code passerelle up --instances N}), the clients' pathways go through every
 * gateway in turn (through those standing while one is down), and each service's and the gateway's
 * fault comes in two steps: first one instance is killed and not restarted, and the others must
 * take over its calls, its event processors' segments and its consumers' partitions; then the
 * others are killed too, a whole outage of that service, and every instance is restarted. The pause
 * stops one instance of decision-service until the broker has evicted its consumers, while those of
 * the others stay. Each step is a fault of its own, with its own recovery.
 *
 * <p>Commands: {@code -Dchaos.commands=N} (1,000 by default, each fault once; the full form is in
 * the README).
 */
class ChaosIT {

  private static final int CLIENTS = 3;

  /**
   * A metropolitan département and two overseas ones whose days begin hours apart from Paris's:
   * Guadeloupe's five hours after (four in summer), Mayotte's two before (one in summer). Each team
   * dates its commands by its own département's today, as its agents would.
   */
  private static final List<String> DEPARTEMENTS = List.of("31", "971", "976");

  private static final Duration PROPAGATION = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(250);

  /**
   * How long a client may take to complete a whole pathway once the platform has recovered from a
   * fault: beyond it, the platform is not working again, a violation.
   */
  private static final Duration WHOLE_PATHWAY = Duration.ofMinutes(3);

  /** Instances of each service and of the gateway. */
  private static final int INSTANCES = Integer.getInteger("chaos.instances", 1);

  private static final Platform platform = Platform.withInstances(INSTANCES);

  /**
   * A client of each gateway, the first's first; the tokens of all from the first, the dev issuer.
   */
  private static List<Client> gateways;

  /** The instances killed and not restarted yet: clients go through the gateways still standing. */
  private static final Set<String> dead = ConcurrentHashMap.newKeySet();

  /** Whole pathways completed through each gateway. */
  private static final Map<String, AtomicLong> servedBy = new ConcurrentHashMap<>();

  private static final History history = new History();
  private static final Map<String, Duration> recovery = new LinkedHashMap<>();

  /**
   * What the WAL holds that PostgreSQL has not written, and not flushed to disk. The positions are
   * read one after the other, the flushed one first, so that what is not on disk is never less than
   * what is not written.
   */
  private static final String UNWRITTEN_WAL =
      "select (inserted - written) || ' bytes of WAL not written, '"
          + " || (inserted - flushed) || ' not on disk'"
          + " from (select pg_current_wal_flush_lsn() as flushed, pg_current_wal_lsn() as written,"
          + " pg_current_wal_insert_lsn() as inserted) as wal";

  /** What PostgreSQL's WAL held that was not written, and not on disk, just before its crash. */
  private static final List<String> crash = new CopyOnWriteArrayList<>();

  private static final Map<String, Duration> phases = new LinkedHashMap<>();
  private static final List<Team> working = new CopyOnWriteArrayList<>();
  private static final List<String> stalled = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startPlatform() {
    long started = System.nanoTime();
    // A consumer that stops heartbeating (a service killed or paused) is evicted from its group
    // after this long, its partitions handed to the others or to its restarted self: 10 s, as in
    // Kafka before 3.0, instead of today's 45 s. The platform proves the same under each fault; it
    // spends 35 s less waiting for the broker to notice, after each kill and for the pause.
    platform.setEnvironment("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000");
    platform.start();
    Client first = new Client(platform.gateway(""));
    List<Client> all = new ArrayList<>(List.of(first));
    for (int k = 2; k <= INSTANCES; k++) {
      all.add(first.through(platform.local(instance("gateway", k), "")));
    }
    gateways = List.copyOf(all);
    phases.put("platform up", Duration.ofNanos(System.nanoTime() - started));
  }

  @AfterAll
  static void stopPlatform() {
    platform.stop();
  }

  @Test
  void everyAnswerIsKeptWhateverFails() throws Exception {
    int target = Integer.getInteger("chaos.commands", 1000);
    long started = System.nanoTime();
    AtomicBoolean faultsDone = new AtomicBoolean(false);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<?>> clients = new ArrayList<>();
    for (String departement : DEPARTEMENTS) {
      clients.add(
          pool.submit(
              () -> {
                Team team = new Team(departement);
                working.add(team);
                while (history.size() < target || !faultsDone.get()) {
                  team.pathway();
                }
                return null;
              }));
    }
    Future<?> faults =
        pool.submit(
            () -> {
              try {
                injectFaults();
              } finally {
                faultsDone.set(true);
              }
              return null;
            });
    faults.get(2, TimeUnit.HOURS);
    phases.put("faults", Duration.ofNanos(System.nanoTime() - started));
    for (Future<?> team : clients) {
      team.get(2, TimeUnit.HOURS);
    }
    pool.shutdown();
    phases.put("traffic", Duration.ofNanos(System.nanoTime() - started));

    long quiet = System.nanoTime();
    awaitQuiet();
    phases.put("first quiet", Duration.ofNanos(System.nanoTime() - quiet));
    long last = System.nanoTime();
    lastRuns();
    awaitQuiet();
    phases.put("last runs and quiet", Duration.ofNanos(System.nanoTime() - last));
    long checked = System.nanoTime();
    Report report = check();
    phases.put("check", Duration.ofNanos(System.nanoTime() - checked));
    String figures =
        report.figures(history, recovery, phases, Duration.ofNanos(System.nanoTime() - started));
    System.out.println(figures);
    Path file = Path.of("target", "chaos-report.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, figures, StandardCharsets.UTF_8);

    assertThat(report.violations()).as(figures).isEmpty();
    assertThat(servedBy.keySet())
        .as("whole pathways went through every gateway: %s", servedBy)
        .hasSize(INSTANCES);
  }

  /** The name {@code passerelle} gives instance {@code k} of a piece: NAME, NAME#2... */
  private static String instance(String piece, int k) {
    return k == 1 ? piece : piece + "#" + k;
  }

  /**
   * Once every answer has reached where it must, each paying body runs once more, with no fault,
   * each month in which its département granted an AFIS: every AFIS granted must then be paid for
   * its month, once, whatever the runs under faults did.
   */
  private static void lastRuns() {
    for (Team team : working) {
      for (YearMonth month : team.granted) {
        await()
            .atMost(PROPAGATION)
            .pollInterval(POLL)
            .until(
                () -> {
                  int before = history.size();
                  team.paymentRun(month);
                  return history.all().get(before).ok();
                });
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Faults

  private static void injectFaults() {
    for (String service : List.of("dossier", "decision", "benefits", "reporting", "gateway")) {
      if (INSTANCES > 1) {
        String first = instance(service, KILLED_FIRST.get(service));
        fault(
            "SIGKILL " + first + " (" + service + " carries on)",
            () -> {
              platform.signal(first, "KILL");
              dead.add(first);
            });
      }
      fault(
          INSTANCES == 1
              ? "SIGKILL " + service
              : "SIGKILL " + service + " whole, its " + INSTANCES + " instances restarted",
          () -> {
            for (int k = 1; k <= INSTANCES; k++) {
              String name = instance(service, k);
              if (dead.add(name)) {
                platform.signal(name, "KILL");
              }
            }
            // The first first: the first gateway signs the tokens the others accept.
            for (int k = 1; k <= INSTANCES; k++) {
              platform.startPiece(instance(service, k));
              dead.remove(instance(service, k));
            }
          });
    }
    fault(
        "SIGKILL kafka",
        () -> {
          platform.signal("kafka", "KILL");
          platform.startPiece("kafka");
        });
    fault(
        "crash postgres",
        () -> {
          try (Databases databases = new Databases(platform)) {
            // The worst moment, if one comes within 10 s: PostgreSQL holds WAL it has not written
            // yet (asynchronous commits of ADR 60 and 61 may be in it, or running transactions).
            String unwritten;
            long patience = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((unwritten = databases.text("dossier", UNWRITTEN_WAL)).startsWith("0 ")
                && System.nanoTime() < patience) {
              LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            platform.crashPostgres();
            crash.add(unwritten);
          }
          platform.startPiece("postgres");
        });
    fault(
        INSTANCES == 1
            ? "SIGSTOP decision until evicted"
            : "SIGSTOP decision until evicted (" + instance("decision", 2) + " carries on)",
        () -> {
          try (Broker broker = new Broker(platform.ports().kafka())) {
            Map<String, Set<String>> before =
                await()
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(POLL)
                    .ignoreExceptions()
                    .until(() -> joined(broker.members(DECISION_GROUP)), m -> !m.isEmpty());
            platform.signal("decision", "STOP");
            try {
              // The pause is the fault: until the broker has evicted the paused instance's
              // consumers from every group, those of the others still in.
              await()
                  .atMost(Duration.ofMinutes(3))
                  .pollInterval(Duration.ofSeconds(1))
                  .ignoreExceptions()
                  .until(() -> evicted(before, broker.members(DECISION_GROUP)));
            } finally {
              platform.signal("decision", "CONT");
            }
          }
        });
  }

  /**
   * Which instance of each is killed first when there are several, the first or the last in turn;
   * never the first gateway, which signs the tokens of every client.
   */
  private static final Map<String, Integer> KILLED_FIRST =
      Map.of(
          "dossier",
          1,
          "decision",
          INSTANCES,
          "benefits",
          1,
          "reporting",
          INSTANCES,
          "gateway",
          INSTANCES);

  /**
   * The groups that have members, with their members, once every instance has joined each of them
   * (each instance runs the same consumers: a group's members are a multiple of the instances);
   * empty until then.
   */
  private static Map<String, Set<String>> joined(Map<String, Set<String>> members) {
    Map<String, Set<String>> joined = new LinkedHashMap<>();
    members.forEach(
        (group, ids) -> {
          if (!ids.isEmpty()) {
            joined.put(group, ids);
          }
        });
    boolean everyInstance = joined.values().stream().allMatch(ids -> ids.size() % INSTANCES == 0);
    return everyInstance ? joined : Map.of();
  }

  /**
   * Whether one instance's share of every group's members has left it (the paused instance's
   * consumers evicted), while as many as the other instances hold are still in.
   */
  private static boolean evicted(Map<String, Set<String>> before, Map<String, Set<String>> now) {
    return before.entrySet().stream()
        .allMatch(
            group -> {
              int share = group.getValue().size() / INSTANCES;
              Set<String> still = now.getOrDefault(group.getKey(), Set.of());
              long left = group.getValue().stream().filter(id -> !still.contains(id)).count();
              return left >= share && still.size() >= group.getValue().size() - share;
            });
  }

  /** The service whose consumers the pause must get evicted from their groups. */
  private static final String DECISION_GROUP = "decision-service";

  /**
   * Injects the fault once every client has completed a whole pathway since the previous one (the
   * platform works end to end again, and each fault meets pathways at every stage), then measures
   * the time until a new dossier is accepted and reaches the commission again.
   */
  private static void fault(String name, Runnable inject) {
    Team probe = new Team("31");
    await().atMost(Duration.ofMinutes(5)).pollInterval(POLL).until(() -> working.size() == CLIENTS);
    Map<Team, Long> before = new LinkedHashMap<>();
    working.forEach(team -> before.put(team, team.completed.get()));
    try {
      await()
          .atMost(WHOLE_PATHWAY)
          .pollInterval(POLL)
          .until(
              () ->
                  before.entrySet().stream()
                      .allMatch(e -> e.getKey().completed.get() > e.getValue()));
    } catch (org.awaitility.core.ConditionTimeoutException late) {
      stalled.add("before " + name + ": a client completed no pathway within " + WHOLE_PATHWAY);
    }
    long start = System.nanoTime();
    inject.run();
    await().atMost(Duration.ofMinutes(5)).pollInterval(POLL).until(probe::acceptsAndPropagates);
    recovery.put(name, Duration.ofNanos(System.nanoTime() - start));
  }

  // ------------------------------------------------------------------------------------------
  // Traffic

  /**
   * One département's teams: an association, the secretariat with its session, the préfecture, the
   * paying body.
   */
  private static final class Team {
    /** The commission's members, by category: each votes, the first chairs. */
    private static final List<String> COMMISSION = List.of("STATE_SERVICES", "JUSTICE", "HEALTH");

    private final String departement;
    private final String base;
    private final String association;
    private final String member;
    private final String secretariat;
    private final String prefecture;
    private final String payingBody;
    private final AtomicLong completed = new AtomicLong();
    private final List<String> members = new ArrayList<>();
    private String session;

    /** The day of the session: one session a day, since a session studies no later request. */
    private LocalDate sessionDay;

    /**
     * The day the pathway under way counts in, the département's: its commands' dates are this day,
     * never after its own today.
     */
    private LocalDate day;

    /** The months in which this team's préfet granted an AFIS. */
    private final Set<YearMonth> granted = new java.util.concurrent.ConcurrentSkipListSet<>();

    private int pathways;

    /** The gateway of the pathway under way. */
    private Client client;

    /** How many times a gateway was chosen: the next in turn is this modulo their number. */
    private long turn;

    Team(String departement) {
      this.client = gateways.get(0);
      this.departement = departement;
      this.day = today();
      this.base = "/api/departements/" + departement;
      this.prefecture = client.token("prefecture-" + departement, null);
      this.secretariat = client.token("secretariat-" + departement, null);
      this.payingBody = client.token("paying-body-" + departement, null);
      Client.Answer approved =
          await()
              .atMost(Duration.ofMinutes(5))
              .until(
                  () ->
                      client.gateway(
                          "POST",
                          base + "/associations",
                          prefecture,
                          Map.of(
                              "name", "Association " + departement,
                              "approvedFrom", day.minusYears(1).toString(),
                              "approvedUntil", day.plusYears(2).toString())),
                  Client.Answer::ok);
      this.association = approved.body().path("associationId").asString();
      this.member = client.token("association-" + departement, association);
    }

    /**
     * A whole pathway, from the draft to its renewal (and, one in two, its early end at the
     * person's request), with a job and the AFIS on the way; one pathway in three, the paying body
     * then runs the month's payments. Stops at the first command not answered 2xx.
     */
    void pathway() {
      day = today();
      int through = nextGateway();
      Client.Answer drafted = client.gateway("POST", base + "/dossiers", member, dossier());
      String dossierId = drafted.ok() ? drafted.body().path("dossierId").asString() : null;
      history.record(Kind.DRAFT, dossierId, drafted.status());
      if (dossierId == null
          || !step(
              Kind.SUBMIT,
              dossierId,
              member,
              base + "/dossiers/" + dossierId + "/submission",
              Map.of())) {
        return;
      }
      if (!visible(base + "/commission/pending-dossiers", secretariat, dossierId)) {
        return;
      }
      // The day the request was filed on or after: a session of that day may study it. In
      // Mayotte, the day begins two hours before Paris's (in winter).
      day = today();
      if (!day.equals(sessionDay)) {
        session = null;
      }
      if (session == null && (session = openSession()) == null) {
        return;
      }
      if (!studied(Kind.AGENDA, Kind.OPINION, dossierId)
          || !step(
              Kind.AUTHORISE,
              dossierId,
              prefecture,
              base + "/prefecture/decisions",
              Map.of(
                  "dossierId",
                  dossierId,
                  "decision",
                  "AUTHORISE",
                  "decidedOn",
                  day.toString(),
                  "startDate",
                  day.toString()))) {
        return;
      }
      String beneficiary = base + "/beneficiaries/" + dossierId;
      if (!until(() -> client.gateway("GET", beneficiary, member, null).ok())
          || !step(
              Kind.EMPLOYMENT,
              dossierId,
              member,
              beneficiary + "/employment",
              Map.of("contractType", "CDI", "startDate", day.toString(), "weeklyHours", 35))
          || !afis(dossierId, beneficiary)
          || !renewed(dossierId)) {
        return;
      }
      pathways++;
      if (pathways % 2 == 0
          && !step(
              Kind.END,
              dossierId,
              prefecture,
              base + "/prefecture/decisions",
              Map.of(
                  "dossierId",
                  dossierId,
                  "decision",
                  "END",
                  "decidedOn",
                  day.toString(),
                  "reason",
                  "PERSON_REQUEST"))) {
        return;
      }
      if (pathways % 3 == 0) {
        paymentRun(YearMonth.from(day));
      }
      servedBy
          .computeIfAbsent(instance("gateway", through + 1), k -> new AtomicLong())
          .incrementAndGet();
      completed.incrementAndGet();
    }

    /**
     * The next gateway in turn that stands (every gateway in turn while all are down, its calls
     * then unanswered as a person's would be): its index, the team's client set to it.
     */
    private int nextGateway() {
      int chosen = (int) (turn++ % gateways.size());
      for (int tried = 1;
          tried < gateways.size() && dead.contains(instance("gateway", chosen + 1));
          tried++) {
        chosen = (int) (turn++ % gateways.size());
      }
      client = gateways.get(chosen);
      return chosen;
    }

    /**
     * The commission's session of the day: three members appointed (once), all present, the first
     * in the chair; null when the platform did not answer 2xx.
     */
    private String openSession() {
      while (members.size() < COMMISSION.size()) {
        String category = COMMISSION.get(members.size());
        Client.Answer appointed =
            client.gateway(
                "POST",
                base + "/commission/members",
                secretariat,
                Map.of("name", "Membre " + category, "category", category));
        if (!appointed.ok()) {
          return null;
        }
        members.add(appointed.body().path("memberId").asString());
      }
      Client.Answer opened =
          client.gateway(
              "POST",
              base + "/commission/sessions",
              secretariat,
              Map.of("date", day.toString(), "chairMemberId", members.get(0), "present", members));
      if (!opened.ok()) {
        return null;
      }
      sessionDay = day;
      return opened.body().path("sessionId").asString();
    }

    /** The commission studies the pending request: on the session's agenda, then its opinion. */
    private boolean studied(Kind agenda, Kind opinion, String dossierId) {
      String commission = base + "/commission/sessions/" + session;
      return step(
              agenda,
              dossierId,
              secretariat,
              commission + "/agenda",
              Map.of("dossierId", dossierId))
          && step(
              opinion,
              dossierId,
              secretariat,
              commission + "/opinions",
              Map.of(
                  "dossierId",
                  dossierId,
                  "opinion",
                  "FAVOURABLE",
                  "votesFor",
                  2,
                  "votesAgainst",
                  1,
                  "abstentions",
                  0,
                  "chairVotedFor",
                  true));
    }

    /**
     * The association asks for the AFIS, every condition met (of age, no resources, neither RSA nor
     * ADA, a receipt of a residence document), and the préfet grants it.
     */
    private boolean afis(String dossierId, String beneficiary) {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("requestedOn", day.toString());
      request.put("children", 0);
      request.put("previousMonthResources", 0);
      request.put("receivesRsa", false);
      request.put("receivesAda", false);
      request.put("residenceDocument", "RECEIPT");
      Client.Answer requested =
          client.gateway("POST", beneficiary + "/afis/requests", member, request);
      history.record(Kind.AFIS_REQUEST, dossierId, requested.status());
      if (!requested.ok()) {
        return false;
      }
      String requestId = requested.body().path("requestId").asString();
      granted.add(YearMonth.from(day));
      return step(
          Kind.AFIS_DECISION,
          dossierId,
          prefecture,
          beneficiary + "/afis/requests/" + requestId + "/decision",
          Map.of("decidedOn", day.toString()));
    }

    /**
     * The association asks for the pathway's renewal; once decision-service has it, the commission
     * studies it and the préfet renews the pathway for six more months.
     */
    private boolean renewed(String dossierId) {
      String pathway = base + "/pathways/" + dossierId;
      return step(
              Kind.RENEWAL_REQUEST,
              dossierId,
              member,
              base + "/dossiers/" + dossierId + "/renewal-requests",
              Map.of(
                  "requestedOn",
                  day.toString(),
                  "plan",
                  "Logement autonome, formation qualifiante",
                  "achievements",
                  "Hébergement stable, emploi à temps plein"))
          && until(
              () -> {
                Client.Answer stands = client.gateway("GET", pathway, secretariat, null);
                return stands.ok() && stands.body().path("pendingTermNumber").asInt(0) == 2;
              })
          && studied(Kind.RENEWAL_AGENDA, Kind.RENEWAL_OPINION, dossierId)
          && step(
              Kind.RENEW,
              dossierId,
              prefecture,
              base + "/prefecture/decisions",
              Map.of(
                  "dossierId",
                  dossierId,
                  "decision",
                  "RENEW",
                  "decidedOn",
                  day.toString(),
                  "months",
                  6));
    }

    /**
     * The paying body previews the month's run, confirms it and follows it until every line is
     * done. Runs of the same month follow one another: each must pay a month nobody was paid yet,
     * and nothing twice.
     */
    void paymentRun(YearMonth month) {
      String runs = base + "/rights/payment-runs";
      client.gateway("GET", runs + "/preview?month=" + month, payingBody, null);
      Client.Answer confirmed =
          client.gateway("POST", runs, payingBody, Map.of("month", month.toString()));
      String runId = confirmed.ok() ? confirmed.body().path("runId").asString() : null;
      history.recordRun(runId, confirmed.status());
      if (runId != null) {
        until(
            () -> {
              Client.Answer run = client.gateway("GET", runs + "/" + runId, payingBody, null);
              return run.ok() && "COMPLETED".equals(run.body().path("status").asString());
            });
      }
    }

    /** The probe after a fault: a new dossier accepted and seen by the commission. */
    boolean acceptsAndPropagates() {
      nextGateway();
      Client.Answer drafted = client.gateway("POST", base + "/dossiers", member, dossier());
      String dossierId = drafted.ok() ? drafted.body().path("dossierId").asString() : null;
      history.record(Kind.DRAFT, dossierId, drafted.status());
      return dossierId != null
          && step(
              Kind.SUBMIT,
              dossierId,
              member,
              base + "/dossiers/" + dossierId + "/submission",
              Map.of())
          && visible(base + "/commission/pending-dossiers", secretariat, dossierId);
    }

    private boolean step(Kind kind, String dossierId, String token, String path, Object body) {
      Client.Answer answer = client.gateway("POST", path, token, body);
      history.record(kind, dossierId, answer.status());
      return answer.ok();
    }

    private boolean visible(String path, String token, String dossierId) {
      return until(
          () -> {
            Client.Answer pending = client.gateway("GET", path, token, null);
            return pending.ok() && pending.body().toString().contains(dossierId);
          });
    }

    /** Whether what a command started has reached where the next one reads it. */
    private static boolean until(java.util.concurrent.Callable<Boolean> reached) {
      try {
        await().atMost(PROPAGATION).pollInterval(POLL).until(reached);
        return true;
      } catch (org.awaitility.core.ConditionTimeoutException late) {
        return false;
      }
    }

    private Map<String, Object> dossier() {
      return Drafts.dossier(association, "Chaos", day);
    }

    /** Today in the team's département, whose days the platform counts its dates in. */
    private LocalDate today() {
      return DepartmentCode.today(departement, Clock.systemUTC());
    }
  }

  // ------------------------------------------------------------------------------------------
  // The history checker

  /**
   * Until everything has reached where it goes: every outbox drained, every event processor of
   * every service at the end of its event store, every consumer group at the end of what it reads;
   * all of it twice in a row with nothing new in between (a consumer that appends to a store, whose
   * outbox publishes to another, is seen moving).
   */
  private static void awaitQuiet() {
    Broker.awaitQuiet(platform.ports().kafka(), Duration.ofMinutes(10), ChaosIT::look);
  }

  /** Where everything stands, or what is still behind. */
  private static Broker.Look look(Broker broker) throws Exception {
    Client client = gateways.get(0);
    String admin = client.token("admin", null);
    for (String service : List.of("dossier", "decision", "benefits")) {
      Client.Answer outbox =
          client.call(
              "GET", platform.local(service, "/admin/event-bus/outbox").toString(), admin, null);
      if (!outbox.ok() || outbox.body().toString().matches(".*\"lag\":[1-9].*")) {
        return Broker.Look.behind(service + "'s outbox: " + outbox.status() + " " + outbox.body());
      }
    }
    String ends;
    try (Databases databases = new Databases(platform)) {
      Databases.Stores stores = databases.stores();
      if (!stores.behind().isEmpty()) {
        return Broker.Look.behind("event processors " + stores.behind());
      }
      ends = stores.ends();
    }
    Broker.Positions kafka = broker.positions();
    if (!kafka.behind().isEmpty()) {
      return Broker.Look.behind("consumer groups " + kafka.behind());
    }
    return Broker.Look.at(ends + "kafka " + kafka.ends());
  }

  /**
   * Every place each kind of command must reach: its event in the store of the service it names,
   * the services downstream that react to it, reporting's read models, and the audit chain.
   */
  private static final Map<Kind, List<Effect>> EFFECTS = new java.util.EnumMap<>(Kind.class);

  static {
    EFFECTS.put(Kind.DRAFT, List.of(stored("dossier", "DossierDrafted")));
    EFFECTS.put(
        Kind.SUBMIT,
        List.of(
            stored("dossier", "DossierSubmitted"),
            stored("decision", "DossierRegistered"),
            readModel("submitted_dossier"),
            audited("dossier.dossier-submitted")));
    EFFECTS.put(Kind.AGENDA, List.of(storedForTerm("decision", "DossierPlacedOnAgenda", 1)));
    EFFECTS.put(Kind.OPINION, List.of(storedForTerm("decision", "OpinionRecorded", 1)));
    EFFECTS.put(
        Kind.AUTHORISE,
        List.of(
            stored("decision", "PathwayAuthorised"),
            stored("benefits", "BeneficiaryRegistered"),
            audited("decision.pathway-validated")));
    EFFECTS.put(
        Kind.EMPLOYMENT,
        List.of(
            stored("benefits", "EmploymentRecorded"),
            new Effect(
                "benefits beneficiary_employment",
                "benefits",
                "select count(*) from beneficiary_employment where dossier_id = ?"),
            readModel("employment"),
            audited("benefits.employment-recorded")));
    EFFECTS.put(
        Kind.AFIS_REQUEST,
        List.of(stored("benefits", "AfisRequested"), audited("benefits.afis-requested")));
    EFFECTS.put(
        Kind.AFIS_DECISION,
        List.of(
            stored("benefits", "AfisGranted"),
            readModel("afis_grant"),
            audited("benefits.afis-granted")));
    EFFECTS.put(
        Kind.RENEWAL_REQUEST,
        List.of(
            new Effect(
                "dossier RenewalRequested",
                "dossier",
                "select count(*) from domain_event_entry where payload_type like"
                    + " '%.RenewalRequested' and convert_from(payload, 'UTF8')"
                    + " like '%\"dossierId\":\"' || ? || '\"%'"),
            stored("decision", "RenewalRequested"),
            readModel("renewal_request"),
            audited("dossier.renewal-requested")));
    EFFECTS.put(
        Kind.RENEWAL_AGENDA, List.of(storedForTerm("decision", "DossierPlacedOnAgenda", 2)));
    EFFECTS.put(Kind.RENEWAL_OPINION, List.of(storedForTerm("decision", "OpinionRecorded", 2)));
    EFFECTS.put(
        Kind.RENEW,
        List.of(
            stored("decision", "PathwayRenewed"),
            stored("benefits", "PathwayRenewed"),
            stored("benefits", "AfisRenewed"),
            audited("decision.pathway-renewed")));
    EFFECTS.put(
        Kind.END,
        List.of(
            stored("decision", "PathwayEnded"),
            stored("benefits", "PathwayEnded"),
            stored("benefits", "AfisEnded"),
            readModel("pathway_end"),
            audited("decision.pathway-ended")));
    EFFECTS.put(Kind.PAYMENT_RUN, List.of(stored("benefits", "PaymentRunConfirmed")));
  }

  /**
   * Each read model reporting's reviews are computed from, against the same count recomputed from
   * the event store that feeds it.
   */
  private static final List<String[]> READ_MODELS =
      List.of(
          new String[] {"submitted_dossier", "dossier", "DossierSubmitted"},
          new String[] {"renewal_request", "dossier", "RenewalRequested"},
          new String[] {"pathway_end", "decision", "PathwayEnded"},
          new String[] {"afis_grant", "benefits", "AfisGranted"},
          new String[] {"afis_payment", "benefits", "AfisPaid"},
          new String[] {"employment", "benefits", "EmploymentRecorded"});

  private static Report check() {
    Report report = new Report();
    report.violations.addAll(stalled);
    try (Databases databases = new Databases(platform)) {
      String generation = databases.currentGeneration();
      List<History.Command> all = history.all();
      for (History.Command command : all) {
        String subject = command.kind() == Kind.PAYMENT_RUN ? command.runId() : command.dossierId();
        if (subject == null) {
          if (command.unknown()) {
            report.unknownSubjects.merge(command.kind(), 1L, Long::sum);
          }
          continue;
        }
        for (Effect effect : EFFECTS.get(command.kind())) {
          report.judge(command, effect.where(), effect.foundFor(subject, databases, generation));
        }
      }
      // Commands whose answer was lost before their id was known: their kind counted at most once
      // each in its store.
      countedAtMostOnce(report, databases, all, Kind.DRAFT, "dossier", "DossierDrafted");
      countedAtMostOnce(
          report, databases, all, Kind.PAYMENT_RUN, "benefits", "PaymentRunConfirmed");
      payments(report, databases);
      report.readModelsEqualStores(databases, generation, READ_MODELS);
      report.noDeadLetters(databases);
    }
    return report;
  }

  private static void countedAtMostOnce(
      Report report,
      Databases databases,
      List<History.Command> all,
      Kind kind,
      String database,
      String type) {
    long stored = databases.events(database, type);
    long ok = all.stream().filter(c -> c.kind() == kind && c.ok()).count();
    long unknown = report.unknownSubjects.getOrDefault(kind, 0L);
    if (stored > ok + unknown) {
      report.violations.add(
          stored
              + " × "
              + type
              + " in the store for "
              + ok
              + " answered 2xx and "
              + unknown
              + " unanswered: some "
              + kind
              + " was applied twice");
    }
  }

  /**
   * The month's payments: every line a confirmed run scheduled done once; no beneficiary paid twice
   * for the month, however many runs asked; after the last runs, every AFIS granted paid.
   */
  private static void payments(Report report, Databases databases) {
    for (History.Command run : history.all()) {
      if (run.kind() != Kind.PAYMENT_RUN || !run.ok()) {
        continue;
      }
      long scheduled =
          databases.count(
              "benefits",
              "select count(*) from domain_event_entry where aggregate_identifier = ?"
                  + " and payload_type like '%.PaymentLineScheduled'",
              run.runId());
      long done =
          databases.count(
              "benefits",
              "select count(*) from afis_payment_run_line where run_id = ?",
              run.runId());
      report.lines += done;
      if (done != scheduled) {
        report.violations.add(
            "payment run "
                + run.runId()
                + ": "
                + scheduled
                + " lines scheduled, "
                + done
                + " done");
      }
    }
    report.paid =
        databases.count(
            "benefits",
            "select count(*) from domain_event_entry where payload_type like '%.AfisPaid'");
    long paidTwice =
        databases.count(
            "benefits",
            "select count(*) from (select aggregate_identifier from domain_event_entry"
                + " where payload_type like '%.AfisPaid' group by aggregate_identifier,"
                + " convert_from(payload, 'UTF8')::json ->> 'month' having count(*) > 1) twice");
    if (paidTwice > 0) {
      report.duplicated += paidTwice;
      report.violations.add(paidTwice + " times a beneficiary was paid more than once a month");
    }
    long unpaid =
        databases.count(
            "benefits",
            "select count(distinct granted.aggregate_identifier) from domain_event_entry granted"
                + " where granted.payload_type like '%.AfisGranted' and not exists (select 1"
                + " from domain_event_entry paid where paid.payload_type like '%.AfisPaid'"
                + " and paid.aggregate_identifier = granted.aggregate_identifier)");
    if (unpaid > 0) {
      report.lost += unpaid;
      report.violations.add(unpaid + " AFIS granted not paid for their month by the last runs");
    }
    long audited =
        databases.count(
            "reporting",
            "select count(*) from audit_event where event_type = 'passerelle.benefits.afis-paid.v1'");
    if (audited != report.paid) {
      report.violations.add(
          "the audit chain holds " + audited + " AFIS payments, benefits' store " + report.paid);
    }
  }

  /** The figures and the violations of the history. */
  private static final class Report extends Verdict {
    long lines;
    long paid;
    final Map<Kind, Long> unknownSubjects = new java.util.EnumMap<>(Kind.class);

    List<String> violations() {
      return violations;
    }

    /** How many of {@code commands} were answered 2xx, 4xx, and not at all (or 5xx). */
    private static long[] answered(List<History.Command> commands) {
      return new long[] {
        commands.stream().filter(History.Command::ok).count(),
        commands.stream().filter(History.Command::refused).count(),
        commands.stream().filter(History.Command::unknown).count()
      };
    }

    String figures(
        History history,
        Map<String, Duration> recovery,
        Map<String, Duration> phases,
        Duration took) {
      List<History.Command> all = history.all();
      StringBuilder out =
          new StringBuilder(
              "Chaos suite, "
                  + INSTANCES
                  + (INSTANCES == 1 ? " instance" : " instances")
                  + " of each service and of the gateway, in "
                  + took.toSeconds()
                  + " s:\n");
      out.append("  commands sent: ").append(all.size()).append('\n');
      long[] answered = answered(all);
      out.append("  answered 2xx: ")
          .append(answered[0])
          .append(", 4xx: ")
          .append(answered[1])
          .append(", unknown (5xx, timeout, reset): ")
          .append(answered[2])
          .append('\n');
      out.append("  effects found: ")
          .append(effects)
          .append(", lost: ")
          .append(lost)
          .append(", duplicated: ")
          .append(duplicated)
          .append(", dead letters left: ")
          .append(deadLetters)
          .append('\n');
      out.append("  by kind (2xx / 4xx / unknown):\n");
      for (Kind kind : Kind.values()) {
        long[] ofKind = answered(all.stream().filter(c -> c.kind() == kind).toList());
        out.append("    ")
            .append(kind)
            .append(": ")
            .append(ofKind[0])
            .append(" / ")
            .append(ofKind[1])
            .append(" / ")
            .append(ofKind[2])
            .append('\n');
      }
      out.append("  whole pathways completed through each gateway: ")
          .append(new TreeMap<>(servedBy))
          .append('\n');
      out.append("  payment lines done: ")
          .append(lines)
          .append(", AFIS months paid: ")
          .append(paid)
          .append('\n');
      out.append("  phases (s):");
      phases.forEach(
          (phase, time) ->
              out.append(' ')
                  .append(phase)
                  .append(' ')
                  .append(time.toMillis() / 1000.0)
                  .append(';'));
      out.append('\n');
      out.append(
          "  recovery after each fault (a new dossier accepted and seen by the commission):\n");
      recovery.forEach(
          (fault, time) ->
              out.append("    ")
                  .append(fault)
                  .append(": ")
                  .append(time.toMillis() / 1000.0)
                  .append(" s\n"));
      crash.forEach(
          wal -> out.append("  PostgreSQL crashed with, just before: ").append(wal).append('\n'));
      violations.stream().limit(50).forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
      return out.toString();
    }
  }
}
