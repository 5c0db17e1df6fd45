package fr.passerelle.benchmark;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * One association user in a département of its own, with its association approved: clients do not
 * share a département, so that their load meets no other's dossiers.
 */
record Client(String departement, String associationId, String token) {

  /** The platform's today is France's, whatever the machine's zone. */
  private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

  /** The dossier's id in the answer to a draft. */
  static final Pattern DOSSIER_ID = Pattern.compile("\"dossierId\"\\s*:\\s*\"([^\"]+)\"");

  private static final Pattern ASSOCIATION_ID =
      Pattern.compile("\"associationId\"\\s*:\\s*\"([^\"]+)\"");

  /** Client {@code index}'s département, its association approved by its préfecture. */
  static Client open(Http http, int index) {
    // Départements 01 to 95 but 20 (Corsica is 2A and 2B).
    int number = index + 1 >= 20 ? index + 2 : index + 1;
    String departement = "%02d".formatted(number);
    String prefecture = http.token("prefecture-" + departement, null);
    HttpResponse<String> association =
        http.post(
            http.gateway("/api/departements/" + departement + "/associations"),
            """
            {"name":"Association %s","approvedFrom":"%s","approvedUntil":"%s"}"""
                .formatted(
                    departement,
                    LocalDate.now(FRANCE).minusMonths(6),
                    LocalDate.now(FRANCE).plusYears(2)),
            prefecture);
    String associationId = Http.extract(ASSOCIATION_ID, association);
    return new Client(
        departement, associationId, http.token("association-" + departement, associationId));
  }

  /** The path of the client's département in the API. */
  String base() {
    return "/api/departements/" + departement;
  }

  /** A dossier's body, drafted or revised by the client's association. */
  String dossier() {
    return """
        {"associationId":"%s","person":{"lastName":"Personne","firstName":"Bench","birthDate":"1990-06-15"},
         "nationality":"NG","children":1,"monthlyResources":0,"receivesRsa":false,"receivesAda":false,
         "traffickingVictim":true,"plan":{"actions":["HOUSING"],"stopsProstitution":true,"signedOn":"%s"}}"""
        .formatted(associationId, LocalDate.now(FRANCE));
  }
}
