package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.dossier.vault.PersonalFile;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A dossier as its association sees it, the person's identity included while it is kept; after an
 * erasure, when and why it was erased instead.
 */
record DossierView(
    String dossierId,
    String departmentCode,
    String associationId,
    String status,
    Instant draftedAt,
    Instant submittedAt,
    LocalDate submittedOn,
    Person person,
    Erasure erasure) {

  /**
   * @param requestReceivedOn the day the person's request was received, while it awaits
   *     confirmation
   * @param erasedAt when the person's data was erased
   * @param reason why, as a code
   */
  record Erasure(LocalDate requestReceivedOn, Instant erasedAt, String reason) {}

  record Person(
      String lastName, String firstName, LocalDate birthDate, String phone, String email) {}

  static DossierView of(DossierSummary summary, PersonalFile file) {
    return new DossierView(
        summary.dossierId(),
        summary.departmentCode(),
        summary.associationId(),
        summary.status(),
        summary.draftedAt(),
        summary.submittedAt(),
        summary.submittedOn(),
        file == null
            ? null
            : new Person(
                file.lastName(), file.firstName(), file.birthDate(), file.phone(), file.email()),
        summary.erasureReceivedOn() == null && summary.erasedAt() == null
            ? null
            : new Erasure(
                summary.erasureReceivedOn(), summary.erasedAt(), summary.erasureReason()));
  }
}
