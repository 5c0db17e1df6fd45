package fr.passerelle.dossier;

import fr.passerelle.dossier.intake.api.SubmitDossierCommand;
import java.util.UUID;

/** Test data: dossiers as the tests need them. */
public final class Dossiers {

  private Dossiers() {}

  public static String anyDossierId() {
    return UUID.randomUUID().toString();
  }

  /** A Nigerian trafficking victim with one child, in Haute-Garonne. */
  public static SubmitDossierCommand aSubmission(String dossierId) {
    return new SubmitDossierCommand(dossierId, "31", "NG", 1, true);
  }

  public static String aSubmissionBody() {
    return """
        {"nationality":"NG","children":1,"traffickingVictim":true}""";
  }
}
