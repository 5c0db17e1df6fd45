package fr.passerelle.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The association's write mix through the gateway: each client drafts a dossier, revises it and
 * submits it, again and again; a command not answered 2xx is refused and the client starts a new
 * draft.
 */
final class WriteMix {

  private final Http http;

  WriteMix(Http http) {
    this.http = http;
  }

  /** Draft, revise, submit, again and again, by each client for {@code duration}. */
  Load.Run run(List<Client> clients, Duration duration) throws InterruptedException {
    Map<Integer, String> drafts = new ConcurrentHashMap<>();
    Map<Integer, Integer> steps = new ConcurrentHashMap<>();
    return Load.drive(
        clients.size(),
        duration,
        index -> {
          Client client = clients.get(index);
          String base = client.base() + "/dossiers";
          int next = steps.getOrDefault(index, 0);
          HttpResponse<String> response;
          switch (next) {
            case 0 -> {
              response = http.post(http.gateway(base), client.dossier(), client.token());
              if (response.statusCode() == 201) {
                drafts.put(index, Http.extract(Client.DOSSIER_ID, response));
              }
            }
            case 1 ->
                response =
                    http.put(
                        http.gateway(base + "/" + drafts.get(index)),
                        client.dossier(),
                        client.token());
            default ->
                response =
                    http.post(
                        http.gateway(base + "/" + drafts.get(index) + "/submission"),
                        "{}",
                        client.token());
          }
          boolean ok = response.statusCode() / 100 == 2;
          steps.put(index, ok ? (next + 1) % 3 : 0);
          return ok;
        });
  }
}
