package fr.passerelle.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Whole pathways by each team, one after the other: the association drafts and submits a dossier;
 * once decision-service lists it as pending (read, not counted as a command), the secretariat puts
 * it on the session's agenda and records the commission's opinion, and the préfecture authorises
 * the pathway. A pathway stops at its first command not answered 2xx (counted unfinished).
 */
final class WholePathways {

  /** The commands of a pathway, in their order; the latencies are printed in it. */
  private static final List<String> COMMANDS =
      List.of("draft", "submission", "agenda", "opinion", "authorisation");

  /**
   * One step's figures: pathways and commands per second, pathways not finished, every 503 and 429
   * answer, the machine's CPU use, and each command's latencies (nanoseconds) in the pathway's
   * order.
   */
  record Result(
      double perSecond,
      double commandsPerSecond,
      long unfinished,
      long unavailable,
      long tooMany,
      double cpuBusy,
      Map<String, List<Long>> latencies) {}

  private final Http http;

  WholePathways(Http http) {
    this.http = http;
  }

  /** Whole pathways by each team, one after the other, for {@code duration}. */
  Result run(List<Team> teams, Duration duration) throws InterruptedException {
    Requests requests = new Requests();
    Load.Run run = Load.drive(teams.size(), duration, index -> pathway(teams.get(index), requests));
    Map<String, List<Long>> copied = new LinkedHashMap<>();
    requests.latencies.forEach((command, values) -> copied.put(command, new ArrayList<>(values)));
    return new Result(
        run.perSecond(),
        requests.commands.sum() / run.seconds(),
        run.failed(),
        requests.unavailable.sum(),
        requests.tooMany.sum(),
        run.cpuBusy(),
        copied);
  }

  /**
   * The requests of the pathways of one step: commands timed by kind, and every 503 and 429 answer,
   * the reads' included.
   */
  private final class Requests {
    final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    final LongAdder commands = new LongAdder();
    final LongAdder unavailable = new LongAdder();
    final LongAdder tooMany = new LongAdder();

    Requests() {
      COMMANDS.forEach(
          command -> latencies.put(command, Collections.synchronizedList(new ArrayList<>())));
    }

    /** A command, timed: its answer when 2xx, else null. */
    HttpResponse<String> command(String command, HttpRequest request) {
      long start = System.nanoTime();
      HttpResponse<String> response = read(request);
      long elapsed = System.nanoTime() - start;
      if (response.statusCode() / 100 != 2) {
        return null;
      }
      commands.increment();
      latencies.get(command).add(elapsed);
      return response;
    }

    HttpResponse<String> read(HttpRequest request) {
      HttpResponse<String> response = http.send(request);
      switch (response.statusCode()) {
        case 503 -> unavailable.increment();
        case 429 -> tooMany.increment();
        default -> {}
      }
      return response;
    }
  }

  private boolean pathway(Team team, Requests requests) {
    Client client = team.client();
    String base = team.base();
    HttpResponse<String> drafted =
        requests.command(
            "draft",
            Http.authorized(http.gateway(base + "/dossiers"), client.token())
                .POST(BodyPublishers.ofString(client.dossier()))
                .build());
    if (drafted == null) {
      return false;
    }
    String id = Http.extract(Client.DOSSIER_ID, drafted);
    if (requests.command(
            "submission",
            Http.authorized(http.gateway(base + "/dossiers/" + id + "/submission"), client.token())
                .POST(BodyPublishers.ofString("{}"))
                .build())
        == null) {
      return false;
    }
    URI pending = http.gateway(base + "/commission/pending-dossiers");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!requests
        .read(Http.authorized(pending, team.secretariat()).GET().build())
        .body()
        .contains(id)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    String session = http.gateway(base + "/commission/sessions/" + team.session()).toString();
    String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    return requests.command(
                "agenda",
                Http.authorized(URI.create(session + "/agenda"), team.secretariat())
                    .POST(BodyPublishers.ofString("{\"dossierId\":\"" + id + "\"}"))
                    .build())
            != null
        && requests.command(
                "opinion",
                Http.authorized(URI.create(session + "/opinions"), team.secretariat())
                    .POST(
                        BodyPublishers.ofString(
                            """
                            {"dossierId":"%s","opinion":"FAVOURABLE","votesFor":2,"votesAgainst":1,
                             "abstentions":0,"chairVotedFor":true}"""
                                .formatted(id)))
                    .build())
            != null
        && requests.command(
                "authorisation",
                Http.authorized(http.gateway(base + "/prefecture/decisions"), team.prefecture())
                    .POST(
                        BodyPublishers.ofString(
                            """
                            {"dossierId":"%s","decision":"AUTHORISE","decidedOn":"%s",
                             "startDate":"%s"}"""
                                .formatted(id, today, today)))
                    .build())
            != null;
  }
}
