package fr.passerelle.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a run and what it found, printed at its end. */
final class Tally {

  private long requests;
  private long mutating;
  private long acceptedWrites;
  private final Map<Integer, Long> byStatus = new TreeMap<>();
  private final Map<String, Long> byRoute = new TreeMap<>();
  private long serverErrors;
  private long problemsWithoutBody;
  private long stackTraces;
  private long refusedWrites;
  private long unanswered;
  private long started = System.nanoTime();
  private final List<String> findings = new ArrayList<>();

  /** The fuzzing starts now (after the platform's start and its data). */
  void begin() {
    started = System.nanoTime();
  }

  void sent(FuzzRequest request) {
    requests++;
    if (request.mutating()) {
      mutating++;
    }
    byRoute.merge(request.route().method() + " " + request.route().path(), 1L, Long::sum);
  }

  void answered(int status) {
    byStatus.merge(status, 1L, Long::sum);
  }

  void acceptedWrite() {
    acceptedWrites++;
  }

  void serverError(FuzzRequest request, int status, String body) {
    serverErrors++;
    finding("answered " + status, request, body);
  }

  void problemWithoutBody(FuzzRequest request, int status, String why) {
    problemsWithoutBody++;
    finding("answered " + status + " without a French problem body (" + why + ")", request, "");
  }

  void stackTrace(FuzzRequest request, int status, String body) {
    stackTraces++;
    finding("answered " + status + " with a stack trace", request, body);
  }

  void refusedWrite(FuzzRequest request, int status, Map<String, String> changes) {
    refusedWrites++;
    finding("answered " + status + " yet wrote " + changes, request, "");
  }

  void unanswered(FuzzRequest request, Exception e) {
    unanswered++;
    finding("no answer: " + e.getMessage(), request, "");
  }

  private void finding(String what, FuzzRequest request, String body) {
    if (findings.size() < 200) {
      String shown = body.length() > 500 ? body.substring(0, 500) + "…" : body;
      findings.add(what + "\n    " + request + (shown.isEmpty() ? "" : "\n    body: " + shown));
    }
  }

  boolean clean() {
    return serverErrors == 0
        && problemsWithoutBody == 0
        && stackTraces == 0
        && refusedWrites == 0
        && unanswered == 0;
  }

  String report() {
    StringBuilder out = new StringBuilder();
    out.append("Fuzzer: ")
        .append(requests)
        .append(" requests (")
        .append(mutating)
        .append(" writes, ")
        .append(acceptedWrites)
        .append(" of them accepted)\n");
    long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
    out.append("  in ")
        .append(seconds)
        .append(" s (")
        .append(requests / seconds)
        .append(" requests/s)\n");
    out.append("  by status: ").append(byStatus).append('\n');
    out.append("  5xx: ").append(serverErrors).append('\n');
    out.append("  4xx without a French problem body: ").append(problemsWithoutBody).append('\n');
    out.append("  stack traces in a body: ").append(stackTraces).append('\n');
    out.append("  refused requests that wrote something: ").append(refusedWrites).append('\n');
    out.append("  requests left unanswered: ").append(unanswered).append('\n');
    out.append("  by route: ").append(byRoute).append('\n');
    if (!findings.isEmpty()) {
      out.append("Findings (first ").append(findings.size()).append("):\n");
      findings.forEach(f -> out.append("  - ").append(f).append('\n'));
    }
    return out.toString();
  }
}
