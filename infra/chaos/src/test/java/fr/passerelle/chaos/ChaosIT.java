package fr.passerelle.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.chaos.History.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults while the platform works: the whole platform started by {@code passerelle up}, clients
 * running whole pathways through the gateway (draft, submission, agenda, opinion, the préfet's
 * decision, a job) while, one after another, each service, the gateway and the Kafka broker are
 * killed (SIGKILL) and restarted, PostgreSQL is stopped and restarted, and a service is paused
 * (SIGSTOP) long enough for its consumers to be evicted from their group.
 *
 * <p>Then the history checker compares what the clients were told with what the platform holds:
 * every command answered 2xx has its event exactly once in its service's store and its effect
 * exactly once downstream; no command answered 4xx has any; a command whose answer was lost has its
 * effect once or not at all; no dead letter remains; every outbox drains. It prints the figures and
 * the time the platform took to accept and propagate a dossier again after each fault.
 *
 * <p>Commands: {@code -Dchaos.commands=N} (1,000 by default, each fault once; the full form is in
 * the README).
 */
class ChaosIT {

  private static final int CLIENTS = 3;
  private static final Duration PROPAGATION = Duration.ofSeconds(90);
  private static final List<String> DATABASES =
      List.of("dossier", "decision", "benefits", "reporting");

  private static final Platform platform = Platform.fromSystemProperties();
  private static Client client;
  private static final History history = new History();
  private static final LocalDate today = LocalDate.now();
  private static final Map<String, Duration> recovery = new LinkedHashMap<>();

  @BeforeAll
  static void startPlatform() {
    platform.start();
    client = new Client(platform.gateway(""));
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
    for (int i = 0; i < CLIENTS; i++) {
      String departement = List.of("31", "2A", "976").get(i);
      clients.add(
          pool.submit(
              () -> {
                Team team = new Team(departement);
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
    for (Future<?> team : clients) {
      team.get(2, TimeUnit.HOURS);
    }
    pool.shutdown();

    awaitQuiet();
    Report report = check();
    String figures =
        report.figures(history, recovery, Duration.ofNanos(System.nanoTime() - started));
    System.out.println(figures);
    Path file = Path.of("target", "chaos-report.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, figures, StandardCharsets.UTF_8);

    assertThat(report.violations()).as(figures).isEmpty();
  }

  // ------------------------------------------------------------------------------------------
  // Faults

  private static void injectFaults() {
    for (String service : List.of("dossier", "decision", "benefits", "reporting", "gateway")) {
      fault(
          "SIGKILL " + service,
          () -> {
            platform.signal(service, "KILL");
            platform.startPiece(service);
          });
    }
    fault(
        "SIGKILL kafka",
        () -> {
          platform.signal("kafka", "KILL");
          platform.startPiece("kafka");
        });
    fault(
        "stop postgres",
        () -> {
          platform.stopPiece("postgres");
          platform.startPiece("postgres");
        });
    fault(
        "SIGSTOP decision 60 s",
        () -> {
          platform.signal("decision", "STOP");
          try {
            // The pause is the fault: long enough for the broker to evict the consumers.
            await()
                .pollDelay(Duration.ofSeconds(60))
                .atMost(Duration.ofSeconds(61))
                .until(() -> true);
          } finally {
            platform.signal("decision", "CONT");
          }
        });
  }

  /**
   * Lets traffic run, injects the fault, then measures the time until a new dossier is accepted and
   * reaches the commission again.
   */
  private static void fault(String name, Runnable inject) {
    Team probe = new Team("31");
    await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(16)).until(() -> true);
    long start = System.nanoTime();
    inject.run();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(probe::acceptsAndPropagates);
    recovery.put(name, Duration.ofNanos(System.nanoTime() - start));
  }

  // ------------------------------------------------------------------------------------------
  // Traffic

  /** One département's teams: an association, the secretariat with its session, the préfecture. */
  private static final class Team {
    private final String base;
    private final String association;
    private final String member;
    private final String secretariat;
    private final String prefecture;
    private String session;

    Team(String departement) {
      this.base = "/api/departements/" + departement;
      this.prefecture = client.token("prefecture-" + departement, null);
      this.secretariat = client.token("secretariat-" + departement, null);
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
                              "approvedFrom", today.minusYears(1).toString(),
                              "approvedUntil", today.plusYears(2).toString())),
                  Client.Answer::ok);
      this.association = approved.body().path("associationId").asString();
      this.member = client.token("association-" + departement, association);
    }

    /** A whole pathway; stops at the first command not answered 2xx. */
    void pathway() {
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
      if (session == null) {
        Client.Answer opened =
            client.gateway(
                "POST",
                base + "/commission/sessions",
                secretariat,
                Map.of(
                    "date", today.toString(),
                    "membersTotal", 12,
                    "membersPresent", 9,
                    "membersRepresented", 1,
                    "secondConvocation", false));
        if (!opened.ok()) {
          return;
        }
        session = opened.body().path("sessionId").asString();
      }
      String commission = base + "/commission/sessions/" + session;
      if (!step(
              Kind.AGENDA,
              dossierId,
              secretariat,
              commission + "/agenda",
              Map.of("dossierId", dossierId))
          || !step(
              Kind.OPINION,
              dossierId,
              secretariat,
              commission + "/opinions",
              Map.of(
                  "dossierId",
                  dossierId,
                  "opinion",
                  "FAVOURABLE",
                  "votesFor",
                  7,
                  "votesAgainst",
                  1,
                  "abstentions",
                  1,
                  "chairVotedFor",
                  true))
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
                  today.toString(),
                  "startDate",
                  today.toString()))) {
        return;
      }
      String beneficiary = base + "/beneficiaries/" + dossierId;
      try {
        await()
            .atMost(PROPAGATION)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.gateway("GET", beneficiary, member, null).ok());
      } catch (org.awaitility.core.ConditionTimeoutException late) {
        return;
      }
      step(
          Kind.EMPLOYMENT,
          dossierId,
          member,
          beneficiary + "/employment",
          Map.of("contractType", "CDI", "startDate", today.toString(), "weeklyHours", 35));
    }

    /** The probe after a fault: a new dossier accepted and seen by the commission. */
    boolean acceptsAndPropagates() {
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

    private static boolean visible(String path, String token, String dossierId) {
      try {
        await()
            .atMost(PROPAGATION)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  Client.Answer pending = client.gateway("GET", path, token, null);
                  return pending.ok() && pending.body().toString().contains(dossierId);
                });
        return true;
      } catch (org.awaitility.core.ConditionTimeoutException late) {
        return false;
      }
    }

    private Map<String, Object> dossier() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("associationId", association);
      body.put(
          "person", Map.of("lastName", "Chaos", "firstName", "Essai", "birthDate", "1990-06-15"));
      body.put("nationality", "NG");
      body.put("children", 0);
      body.put("monthlyResources", 0);
      body.put("receivesRsa", false);
      body.put("receivesAda", false);
      body.put("traffickingVictim", true);
      body.put(
          "plan",
          Map.of(
              "actions",
              List.of("HOUSING"),
              "stopsProstitution",
              true,
              "signedOn",
              today.toString()));
      return body;
    }
  }

  // ------------------------------------------------------------------------------------------
  // The history checker

  /** Until every outbox has published everything and the stores stop moving. */
  private static void awaitQuiet() {
    String admin = client.token("admin", null);
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              for (String service : List.of("dossier", "decision", "benefits")) {
                Client.Answer outbox =
                    client.call(
                        "GET",
                        platform.local(service, "/admin/event-bus/outbox").toString(),
                        admin,
                        null);
                if (!outbox.ok() || outbox.body().toString().matches(".*\"lag\":[1-9].*")) {
                  return false;
                }
              }
              return true;
            });
    AtomicReference<Map<String, Long>> last = new AtomicReference<>(counts());
    await()
        .atMost(Duration.ofMinutes(5))
        .pollDelay(Duration.ofSeconds(5))
        .pollInterval(Duration.ofSeconds(5))
        .until(
            () -> {
              Map<String, Long> now = counts();
              return now.equals(last.getAndSet(now));
            });
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Databases databases = new Databases()) {
      for (String database : DATABASES) {
        counts.put(
            database,
            databases.count(database, "select count(*) from eventbus_dead_letter")
                + (database.equals("reporting")
                    ? 0
                    : databases.count(database, "select count(*) from domain_event_entry")));
      }
    }
    return counts;
  }

  /** The effect each command kind must leave: its event, in the store of the service it names. */
  private static final Map<Kind, String[]> EVENTS =
      Map.of(
          Kind.DRAFT, new String[] {"dossier", "DossierDrafted"},
          Kind.SUBMIT, new String[] {"dossier", "DossierSubmitted"},
          Kind.AGENDA, new String[] {"decision", "DossierPlacedOnAgenda"},
          Kind.OPINION, new String[] {"decision", "OpinionRecorded"},
          Kind.AUTHORISE, new String[] {"decision", "PathwayAuthorised"},
          Kind.EMPLOYMENT, new String[] {"benefits", "EmploymentRecorded"});

  /**
   * And downstream: a submitted dossier registered once by decision-service, an authorised
   * pathway's beneficiary registered once by benefits-service, each job once in its read model.
   */
  private static final Map<Kind, String[]> DOWNSTREAM =
      Map.of(
          Kind.SUBMIT, new String[] {"decision", "DossierRegistered"},
          Kind.AUTHORISE, new String[] {"benefits", "BeneficiaryRegistered"});

  private static Report check() {
    Report report = new Report();
    try (Databases databases = new Databases()) {
      for (History.Command command : history.all()) {
        if (command.dossierId() == null) {
          report.unknownDrafts++;
          continue;
        }
        String[] event = EVENTS.get(command.kind());
        long found = databases.events(event[0], command.dossierId(), event[1]);
        report.judge(command, event[0] + " " + event[1], found);
        String[] downstream = DOWNSTREAM.get(command.kind());
        if (downstream != null) {
          report.judge(
              command,
              downstream[0] + " " + downstream[1],
              databases.events(downstream[0], command.dossierId(), downstream[1]));
        }
        if (command.kind() == Kind.EMPLOYMENT) {
          report.judge(
              command,
              "benefits beneficiary_employment",
              databases.count(
                  "benefits",
                  "select count(*) from beneficiary_employment where dossier_id = '"
                      + command.dossierId().replace("'", "")
                      + "'"));
        }
      }
      long drafted =
          databases.count(
              "dossier",
              "select count(*) from domain_event_entry where payload_type like '%.DossierDrafted'");
      long okDrafts = history.all().stream().filter(c -> c.kind() == Kind.DRAFT && c.ok()).count();
      if (drafted > okDrafts + report.unknownDrafts) {
        report.violations.add(
            drafted
                + " drafts in the store for "
                + okDrafts
                + " answered 2xx and "
                + report.unknownDrafts
                + " unanswered: some draft was applied twice");
      }
      long submitted =
          databases.count(
              "dossier",
              "select count(*) from domain_event_entry where payload_type like '%.DossierSubmitted'");
      String generation =
          databases.text(
              "reporting",
              "select max(schema_name) from information_schema.schemata"
                  + " where schema_name like 'readmodel_g%'");
      long reported =
          databases.count("reporting", "select count(*) from " + generation + ".submitted_dossier");
      if (reported != submitted) {
        report.violations.add(
            "reporting counts " + reported + " submitted dossiers, the store holds " + submitted);
      }
      for (String database : DATABASES) {
        long dead = databases.count(database, "select count(*) from eventbus_dead_letter");
        report.deadLetters += dead;
        if (dead > 0) {
          report.violations.add(database + ": " + dead + " dead letters left");
        }
      }
    }
    return report;
  }

  /** The figures and the violations of the history. */
  private static final class Report {
    long effects;
    long lost;
    long duplicated;
    long deadLetters;
    long unknownDrafts;
    final List<String> violations = new ArrayList<>();

    void judge(History.Command command, String where, long found) {
      effects += found;
      if (command.ok() && found != 1) {
        if (found == 0) {
          lost++;
        } else {
          duplicated++;
        }
        violations.add(command + " answered 2xx: " + found + " × " + where);
      } else if (command.refused() && found != 0) {
        violations.add(command + " answered 4xx: " + found + " × " + where);
      } else if (command.unknown() && found > 1) {
        duplicated++;
        violations.add(command + " unanswered: " + found + " × " + where);
      }
    }

    List<String> violations() {
      return violations;
    }

    String figures(History history, Map<String, Duration> recovery, Duration took) {
      List<History.Command> all = history.all();
      StringBuilder out = new StringBuilder("Chaos suite, in " + took.toSeconds() + " s:\n");
      out.append("  commands sent: ").append(all.size()).append('\n');
      out.append("  answered 2xx: ")
          .append(all.stream().filter(History.Command::ok).count())
          .append(", 4xx: ")
          .append(all.stream().filter(History.Command::refused).count())
          .append(", unknown (5xx, timeout, reset): ")
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
      out.append(
          "  recovery after each fault (a new dossier accepted and seen by the commission):\n");
      recovery.forEach(
          (fault, time) ->
              out.append("    ")
                  .append(fault)
                  .append(": ")
                  .append(time.toMillis() / 1000.0)
                  .append(" s\n"));
      violations.stream().limit(50).forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
      return out.toString();
    }
  }

  /** Each service's database, read as its owner. */
  private static final class Databases implements AutoCloseable {
    private final Map<String, Connection> connections = new LinkedHashMap<>();

    Databases() {
      for (String database : DATABASES) {
        String owner = database + "_owner";
        try {
          connections.put(
              database,
              DriverManager.getConnection(
                  platform.jdbcUrl(database), owner, platform.postgresPassword(owner)));
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read " + database, e);
        }
      }
    }

    long events(String database, String aggregate, String type) {
      try (PreparedStatement statement =
          connections
              .get(database)
              .prepareStatement(
                  "select count(*) from domain_event_entry"
                      + " where aggregate_identifier = ? and payload_type like ?")) {
        statement.setString(1, aggregate);
        statement.setString(2, "%." + type);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    String text(String database, String sql) {
      try (Statement statement = connections.get(database).createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getString(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    long count(String database, String sql) {
      try (Statement statement = connections.get(database).createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      for (Connection connection : connections.values()) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the check is over
        }
      }
    }
  }
}
