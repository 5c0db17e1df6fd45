package fr.passerelle.acceptance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The body of a complete draft, as an association enters one, for the acceptance tests. */
final class Drafts {

  private Drafts() {}

  /**
   * A Nigerian trafficking victim with one child and no resources, accompanied by {@code
   * associationId}, whose plan ({@code actions}) is signed on {@code signedOn}.
   */
  static Map<String, Object> aDossier(
      String associationId, String firstName, LocalDate signedOn, List<String> actions) {
    return Map.of(
        "associationId",
        associationId,
        "person",
        Map.of("lastName", "Personne", "firstName", firstName, "birthDate", "1995-03-02"),
        "nationality",
        "NG",
        "children",
        1,
        "monthlyResources",
        0,
        "receivesRsa",
        false,
        "receivesAda",
        false,
        "traffickingVictim",
        true,
        "plan",
        Map.of("actions", actions, "stopsProstitution", true, "signedOn", signedOn.toString()));
  }
}
