package fr.passerelle.chaos;

import static fr.passerelle.chaos.Effect.audited;
import static fr.passerelle.chaos.Effect.readModel;
import static fr.passerelle.chaos.Effect.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.chaos.History.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two of everything: the platform started by {@code passerelle up --instances 2} (two instances of
 * each service and of the gateway against one PostgreSQL and one Kafka broker), clients running
 * pathways through both gateways (draft, submission, the commission's agenda and opinion, the
 * préfet's authorisation, a job), while one instance of each service and one gateway are killed
 * (SIGKILL) in turn and not restarted: the other instance of each takes over its calls (the
 * gateways pass over the dead one), its event processors' segments (their claims expire) and its
 * consumer groups' partitions (the broker rebalances).
 *
 * <p>Then, once every outbox, processor and consumer group has caught up, the history checker finds
 * every effect of a command answered 2xx exactly once in every place it must reach, none of a
 * command answered 4xx, at most one of a command left unanswered, each read model equal to its
 * count recomputed from the event stores, and no dead letter. It prints the figures and, for each
 * kill, the time until a new dossier was accepted and seen by the commission again.
 *
 * <p>Nothing waits for a set time: a kill comes once every client has completed a pathway since the
 * previous one; the check once everything has caught up.
 */
class InstancesIT {

  private static final List<String> DEPARTEMENTS = List.of("31", "2A");
  private static final Duration PROPAGATION = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(250);

  /** One instance of each, killed in this order: the first or the second, in turn. */
  private static final List<String> KILLED =
      List.of("dossier", "decision#2", "benefits", "reporting#2", "gateway#2");

  /** Commands at least, sent under load; the kills are over by then or the load goes on. */
  private static final int COMMANDS = Integer.getInteger("instances.commands", 150);

  private static final Platform platform = Platform.withInstances(2);
  private static final History history = new History();
  private static final LocalDate today = LocalDate.now();
  private static final Map<String, Duration> recovery = new LinkedHashMap<>();
  private static final Map<String, Duration> phases = new LinkedHashMap<>();
  private static final List<Team> working = new CopyOnWriteArrayList<>();
  private static final List<String> stalled = new CopyOnWriteArrayList<>();
  private static final Set<String> dead = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicLong> servedBy = new ConcurrentHashMap<>();

  /** A client of each gateway; the tokens of both from the first, the dev issuer. */
  private static List<Client> gateways;

  @BeforeAll
  static void startPlatform() {
    long started = System.nanoTime();
    platform.start();
    Client first = new Client(platform.gateway(""));
    Client second = new Client(platform.local("gateway#2", ""), platform.gateway(""));
    gateways = List.of(first, second);
    phases.put("platform up", Duration.ofNanos(System.nanoTime() - started));
  }

  @AfterAll
  static void stopPlatform() {
    platform.stop();
  }

  @Test
  void everyEffectIsFoundOnceWhenOneInstanceOfEachIsKilled() throws Exception {
    long started = System.nanoTime();
    AtomicBoolean killsDone = new AtomicBoolean(false);
    ExecutorService pool = Executors.newFixedThreadPool(DEPARTEMENTS.size() + 1);
    List<Future<?>> clients = new ArrayList<>();
    for (String departement : DEPARTEMENTS) {
      clients.add(
          pool.submit(
              () -> {
                Team team = new Team(departement);
                working.add(team);
                while (history.size() < COMMANDS || !killsDone.get()) {
                  team.pathway();
                }
                return null;
              }));
    }
    Future<?> kills =
        pool.submit(
            () -> {
              try {
                KILLED.forEach(InstancesIT::kill);
              } finally {
                killsDone.set(true);
              }
              return null;
            });
    kills.get(30, TimeUnit.MINUTES);
    for (Future<?> team : clients) {
      team.get(30, TimeUnit.MINUTES);
    }
    pool.shutdown();
    phases.put("load and kills", Duration.ofNanos(System.nanoTime() - started));

    long quiet = System.nanoTime();
    awaitQuiet();
    phases.put("caught up", Duration.ofNanos(System.nanoTime() - quiet));
    Report report = check();
    String figures = report.figures(Duration.ofNanos(System.nanoTime() - started));
    System.out.println(figures);
    Path file = Path.of("target", "instances-report.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, figures, StandardCharsets.UTF_8);

    assertThat(report.violations).as(figures).isEmpty();
    assertThat(servedBy.keySet()).as("pathways went through both gateways").hasSize(2);
  }

  // ------------------------------------------------------------------------------------------
  // Kills

  /**
   * Kills {@code instance} once every client has completed a pathway since the previous kill, then
   * measures the time until a new dossier is accepted and reaches the commission again, through the
   * gateway still standing.
   */
  private static void kill(String instance) {
    await().atMost(Duration.ofMinutes(5)).pollInterval(POLL).until(() -> working.size() == 2);
    Team probe = new Team("31");
    Map<Team, Long> before = new LinkedHashMap<>();
    working.forEach(team -> before.put(team, team.completed.get()));
    try {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(POLL)
          .until(
              () ->
                  before.entrySet().stream()
                      .allMatch(e -> e.getKey().completed.get() > e.getValue()));
    } catch (ConditionTimeoutException late) {
      stalled.add("before killing " + instance + ": a client completed no pathway in 3 min");
    }
    long start = System.nanoTime();
    platform.signal(instance, "KILL");
    dead.add(instance);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(POLL)
        .until(() -> probe.acceptsAndPropagates(gateways.get(0)));
    recovery.put("SIGKILL " + instance, Duration.ofNanos(System.nanoTime() - start));
  }

  // ------------------------------------------------------------------------------------------
  // Load

  /** One département's teams, each pathway through the next gateway in turn. */
  private static final class Team {
    private static final List<String> COMMISSION = List.of("STATE_SERVICES", "JUSTICE", "HEALTH");

    private final String base;
    private final String association;
    private final String member;
    private final String secretariat;
    private final String prefecture;
    private final AtomicLong completed = new AtomicLong();
    private final List<String> members = new ArrayList<>();
    private String session;
    private long turn;

    Team(String departement) {
      Client issuer = gateways.get(0);
      this.base = "/api/departements/" + departement;
      this.prefecture = issuer.token("prefecture-" + departement, null);
      this.secretariat = issuer.token("secretariat-" + departement, null);
      Client.Answer approved =
          await()
              .atMost(Duration.ofMinutes(3))
              .until(
                  () ->
                      issuer.gateway(
                          "POST",
                          base + "/associations",
                          prefecture,
                          Map.of(
                              "name", "Association " + departement,
                              "approvedFrom", today.minusYears(1).toString(),
                              "approvedUntil", today.plusYears(2).toString())),
                  Client.Answer::ok);
      this.association = approved.body().path("associationId").asString();
      this.member = issuer.token("association-" + departement, association);
    }

    /**
     * A pathway through one gateway: drafted, submitted, seen by the commission, on the session's
     * agenda, its opinion, the préfet's authorisation, the beneficiary seen by benefits-service, a
     * job. Stops at the first command not answered 2xx.
     */
    void pathway() {
      Client client = gateways.get((int) (turn++ % 2));
      Client.Answer drafted = client.gateway("POST", base + "/dossiers", member, dossier());
      String dossierId = drafted.ok() ? drafted.body().path("dossierId").asString() : null;
      history.record(Kind.DRAFT, dossierId, drafted.status());
      if (dossierId == null
          || !step(client, Kind.SUBMIT, dossierId, member, submission(dossierId))
          || !visible(client, base + "/commission/pending-dossiers", secretariat, dossierId)
          || (session == null && (session = openSession(client)) == null)) {
        return;
      }
      String commission = base + "/commission/sessions/" + session;
      String beneficiary = base + "/beneficiaries/" + dossierId;
      if (!step(
              client,
              Kind.AGENDA,
              dossierId,
              secretariat,
              commission + "/agenda",
              Map.of("dossierId", dossierId))
          || !step(
              client,
              Kind.OPINION,
              dossierId,
              secretariat,
              commission + "/opinions",
              opinion(dossierId))
          || !step(
              client,
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
                  today.toString(),
                  "startDate",
                  today.toString()))
          || !until(() -> client.gateway("GET", beneficiary, member, null).ok())
          || !step(
              client,
              Kind.EMPLOYMENT,
              dossierId,
              member,
              beneficiary + "/employment",
              Map.of("contractType", "CDI", "startDate", today.toString(), "weeklyHours", 35))) {
        return;
      }
      servedBy
          .computeIfAbsent(
              client == gateways.get(0) ? "gateway" : "gateway#2", k -> new AtomicLong())
          .incrementAndGet();
      completed.incrementAndGet();
    }

    /** The probe after a kill: a new dossier accepted and seen by the commission. */
    boolean acceptsAndPropagates(Client client) {
      Client.Answer drafted = client.gateway("POST", base + "/dossiers", member, dossier());
      String dossierId = drafted.ok() ? drafted.body().path("dossierId").asString() : null;
      history.record(Kind.DRAFT, dossierId, drafted.status());
      return dossierId != null
          && step(client, Kind.SUBMIT, dossierId, member, submission(dossierId))
          && visible(client, base + "/commission/pending-dossiers", secretariat, dossierId);
    }

    private boolean step(
        Client client, Kind kind, String dossierId, String token, Command command) {
      return step(client, kind, dossierId, token, command.path(), command.body());
    }

    private record Command(String path, Object body) {}

    private Command submission(String dossierId) {
      return new Command(base + "/dossiers/" + dossierId + "/submission", Map.of());
    }

    private static Map<String, Object> opinion(String dossierId) {
      Map<String, Object> opinion = new LinkedHashMap<>();
      opinion.put("dossierId", dossierId);
      opinion.put("opinion", "FAVOURABLE");
      opinion.put("votesFor", 2);
      opinion.put("votesAgainst", 1);
      opinion.put("abstentions", 0);
      opinion.put("chairVotedFor", true);
      return opinion;
    }

    private String openSession(Client client) {
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
              Map.of(
                  "date", today.toString(), "chairMemberId", members.get(0), "present", members));
      return opened.ok() ? opened.body().path("sessionId").asString() : null;
    }

    private static boolean step(
        Client client, Kind kind, String dossierId, String token, String path, Object body) {
      Client.Answer answer = client.gateway("POST", path, token, body);
      history.record(kind, dossierId, answer.status());
      return answer.ok();
    }

    private static boolean visible(Client client, String path, String token, String dossierId) {
      return until(
          () -> {
            Client.Answer pending = client.gateway("GET", path, token, null);
            return pending.ok() && pending.body().toString().contains(dossierId);
          });
    }

    private static boolean until(Callable<Boolean> reached) {
      try {
        await().atMost(PROPAGATION).pollInterval(POLL).until(reached);
        return true;
      } catch (ConditionTimeoutException late) {
        return false;
      }
    }

    private Map<String, Object> dossier() {
      return Drafts.dossier(association, "Instances", today);
    }
  }

  // ------------------------------------------------------------------------------------------
  // The history checker

  /**
   * Until everything has reached where it goes, twice in a row with nothing new in between: every
   * outbox drained (asked of an instance still standing), every event processor at the end of its
   * event store, every consumer group at the end of what it reads.
   */
  private static void awaitQuiet() {
    Broker.awaitQuiet(platform.ports().kafka(), Duration.ofMinutes(5), InstancesIT::caughtUp);
  }

  private static String caughtUp(Broker broker) throws Exception {
    Client client = gateways.get(0);
    String admin = client.token("admin", null);
    StringBuilder positions = new StringBuilder();
    for (String service : List.of("dossier", "decision", "benefits")) {
      String standing = dead.contains(service) ? service + "#2" : service;
      Client.Answer outbox =
          client.call(
              "GET", platform.local(standing, "/admin/event-bus/outbox").toString(), admin, null);
      if (!outbox.ok() || outbox.body().toString().matches(".*\"lag\":[1-9].*")) {
        return null;
      }
    }
    try (Databases databases = new Databases(platform)) {
      String ends = databases.storeEndsWhenProcessed();
      if (ends == null) {
        return null;
      }
      positions.append(ends);
    }
    Broker.Positions kafka = broker.positions();
    return kafka.lag() > 0 ? null : positions.append("kafka ").append(kafka.ends()).toString();
  }

  /** Every place each kind of command sent here must reach (as the chaos suite's checker). */
  private static final Map<Kind, List<Effect>> EFFECTS = new EnumMap<>(Kind.class);

  static {
    EFFECTS.put(Kind.DRAFT, List.of(stored("dossier", "DossierDrafted")));
    EFFECTS.put(
        Kind.SUBMIT,
        List.of(
            stored("dossier", "DossierSubmitted"),
            stored("decision", "DossierRegistered"),
            readModel("submitted_dossier"),
            audited("dossier.dossier-submitted")));
    EFFECTS.put(Kind.AGENDA, List.of(stored("decision", "DossierPlacedOnAgenda")));
    EFFECTS.put(Kind.OPINION, List.of(stored("decision", "OpinionRecorded")));
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
  }

  /** Each read model against its count recomputed from the event store that feeds it. */
  private static final List<String[]> READ_MODELS =
      List.of(
          new String[] {"submitted_dossier", "dossier", "DossierSubmitted"},
          new String[] {"employment", "benefits", "EmploymentRecorded"});

  private static Report check() {
    Report report = new Report();
    report.violations.addAll(stalled);
    try (Databases databases = new Databases(platform)) {
      String generation = databases.currentGeneration();
      List<History.Command> all = history.all();
      long unknownDrafts = 0;
      for (History.Command command : all) {
        if (command.dossierId() == null) {
          if (command.kind() == Kind.DRAFT && command.unknown()) {
            unknownDrafts++;
          }
          continue;
        }
        for (Effect effect : EFFECTS.get(command.kind())) {
          report.judge(
              command, effect.where(), effect.foundFor(command.dossierId(), databases, generation));
        }
      }
      long drafts = databases.events("dossier", "DossierDrafted");
      long draftsOk = all.stream().filter(c -> c.kind() == Kind.DRAFT && c.ok()).count();
      if (drafts > draftsOk + unknownDrafts) {
        report.duplicated++;
        report.violations.add(
            drafts
                + " drafts stored for "
                + draftsOk
                + " answered 2xx and "
                + unknownDrafts
                + " unanswered");
      }
      report.readModelsEqualStores(databases, generation, READ_MODELS);
      report.noDeadLetters(databases);
    }
    return report;
  }

  /** The figures and the violations of the history. */
  private static final class Report extends Verdict {

    String figures(Duration took) {
      List<History.Command> all = history.all();
      StringBuilder out =
          new StringBuilder("Two instances of everything, in " + took.toSeconds() + " s:\n");
      out.append("  commands sent: ").append(all.size()).append('\n');
      out.append("  answered 2xx: ")
          .append(all.stream().filter(History.Command::ok).count())
          .append(", 4xx: ")
          .append(all.stream().filter(History.Command::refused).count())
          .append(", unknown (5xx, timeout, reset, refused): ")
          .append(all.stream().filter(History.Command::unknown).count())
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
      out.append("  pathways completed through each gateway: ").append(servedBy).append('\n');
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
          "  recovery after each kill (a new dossier accepted and seen by the commission):\n");
      recovery.forEach(
          (kill, time) ->
              out.append("    ")
                  .append(kill)
                  .append(": ")
                  .append(time.toMillis() / 1000.0)
                  .append(" s\n"));
      violations.stream().limit(50).forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
      return out.toString();
    }
  }
}
