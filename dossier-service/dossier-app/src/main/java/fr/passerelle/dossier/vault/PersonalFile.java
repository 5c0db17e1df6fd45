package fr.passerelle.dossier.vault;

import java.time.LocalDate;

/**
 * What identifies and reaches a person, and the plan's own words: personal data that never leaves
 * dossier-service, is stored encrypted, and is erased by deleting its key.
 */
public record PersonalFile(
    String lastName,
    String firstName,
    LocalDate birthDate,
    String phone,
    String email,
    String planNotes) {

  /** No field in this record's output: it must never reach a log. */
  @Override
  public String toString() {
    return "PersonalFile[redacted]";
  }
}
