package fr.passerelle.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user reads, and how soon: a submission's arrival in reporting's figures (the event's way
 * through Kafka to a read model), and one dossier's read (its events replayed).
 */
final class Reads {

  private static final Pattern SUBMITTED =
      Pattern.compile("\"submittedDossiers\"\\s*:\\s*([0-9]+)");

  private final Http http;

  Reads(Http http) {
    this.http = http;
  }

  /**
   * A dossier submitted, then reporting's count of submitted dossiers read until it shows it,
   * {@code samples} times: from the submission's request to the count that includes it.
   */
  Latencies submissionToRead(Client client, int samples) {
    List<Long> latencies = new ArrayList<>();
    String base = client.base();
    String secretariat = http.token("secretariat-" + client.departement(), null);
    for (int i = 0; i < samples; i++) {
      int before = submitted(base, secretariat);
      HttpResponse<String> drafted =
          http.post(http.gateway(base + "/dossiers"), client.dossier(), client.token());
      String id = Http.extract(Client.DOSSIER_ID, drafted);
      long start = System.nanoTime();
      http.post(http.gateway(base + "/dossiers/" + id + "/submission"), "{}", client.token());
      long deadline = start + Duration.ofSeconds(30).toNanos();
      while (submitted(base, secretariat) <= before) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a submission not visible in reporting after 30 s");
        }
      }
      latencies.add(System.nanoTime() - start);
    }
    return Latencies.of(latencies);
  }

  private int submitted(String base, String token) {
    HttpResponse<String> report = http.get(http.gateway(base + "/reports/dossiers"), token);
    Matcher m = SUBMITTED.matcher(report.body());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** One dossier drafted and revised {@code revisions} times, then read {@code reads} times. */
  Latencies dossierRead(Client client, int revisions, int reads) {
    String base = client.base() + "/dossiers";
    String id =
        Http.extract(
            Client.DOSSIER_ID, http.post(http.gateway(base), client.dossier(), client.token()));
    for (int i = 0; i < revisions; i++) {
      http.put(http.gateway(base + "/" + id), client.dossier(), client.token());
    }
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      long start = System.nanoTime();
      HttpResponse<String> read = http.get(http.gateway(base + "/" + id), client.token());
      if (read.statusCode() != 200) {
        throw new IllegalStateException("reading a dossier answered " + read.statusCode());
      }
      latencies.add(System.nanoTime() - start);
    }
    return Latencies.of(latencies);
  }
}
