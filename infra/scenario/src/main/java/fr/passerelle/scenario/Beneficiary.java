package fr.passerelle.scenario;

/**
 * One person of the scenario, as far as the figures go: who they are in the statistics, what the
 * préfet decided, and the job they found, if any.
 *
 * @param employment the contract type of the job recorded for them ({@code CDI}, {@code CDD}, ...),
 *     or null
 */
public record Beneficiary(
    String nationality,
    boolean traffickingVictim,
    int children,
    boolean receivesAda,
    boolean validated,
    String employment) {

  static Beneficiary validated(String nationality, boolean victim, int children) {
    return new Beneficiary(nationality, victim, children, false, true, null);
  }

  static Beneficiary refused(String nationality, boolean victim) {
    return new Beneficiary(nationality, victim, 0, false, false, null);
  }

  Beneficiary employedOn(String contractType) {
    return new Beneficiary(
        nationality, traffickingVictim, children, receivesAda, validated, contractType);
  }

  Beneficiary receivingAda() {
    return new Beneficiary(nationality, traffickingVictim, children, true, validated, employment);
  }
}
