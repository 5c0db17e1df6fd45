package fr.passerelle.chaos;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dossier both suites draft: eligible, a plan signed {@code on} that day. */
final class Drafts {

  private Drafts() {}

  static Map<String, Object> dossier(String associationId, String lastName, LocalDate on) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("associationId", associationId);
    body.put(
        "person", Map.of("lastName", lastName, "firstName", "Essai", "birthDate", "1990-06-15"));
    body.put("nationality", "NG");
    body.put("children", 0);
    body.put("monthlyResources", 0);
    body.put("receivesRsa", false);
    body.put("receivesAda", false);
    body.put("traffickingVictim", true);
    body.put(
        "plan",
        Map.of(
            "actions", List.of("HOUSING"), "stopsProstitution", true, "signedOn", on.toString()));
    return body;
  }
}
