package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.PathwayAction;
import fr.passerelle.dossier.vault.PersonalFile;
import fr.passerelle.edge.NotAfterTodayInFrance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/**
 * A dossier as the association writes it. Every part may be missing in a draft; what is given must
 * be well formed. Submission then checks that nothing is missing.
 */
public record DossierRequest(
    String associationId,
    @Valid PersonRequest person,
    @Pattern(regexp = "^[A-Z]{2}$", message = "code pays ISO 3166-1 alpha-2 attendu (ex. NG)")
        String nationality,
    @Min(value = 0, message = "ne peut pas être négatif") @Max(value = 20, message = "20 au plus")
        Integer children,
    @Min(value = 0, message = "ne peut pas être négatif") Integer monthlyResources,
    Boolean receivesRsa,
    Boolean receivesAda,
    Boolean traffickingVictim,
    Boolean procuringVictim,
    @Valid PlanRequest plan) {

  /** Who the person is and how to reach them: personal data, kept in the vault only. */
  public record PersonRequest(
      @Size(max = 100, message = "100 caractères au plus") String lastName,
      @Size(max = 100, message = "100 caractères au plus") String firstName,
      @Past(message = "doit être dans le passé") LocalDate birthDate,
      @Pattern(regexp = "^\\+?[0-9 .-]{6,20}$", message = "numéro de téléphone invalide")
          String phone,
      @Email(message = "adresse électronique invalide") @Size(max = 200) String email) {}

  /**
   * The pathway plan written with the person and signed by them; {@code signedOn} not after today
   * in the dossier's département: refused here with the other fields when it is after today in
   * every département, then checked by the dossier against its own département's day.
   */
  public record PlanRequest(
      Set<PathwayAction> actions,
      @Size(max = 4000, message = "4000 caractères au plus") String notes,
      Boolean stopsProstitution,
      @NotAfterTodayInFrance LocalDate signedOn) {}

  /** The same request on behalf of {@code associationId}. */
  DossierRequest forAssociation(String associationId) {
    return new DossierRequest(
        associationId,
        person,
        nationality,
        children,
        monthlyResources,
        receivesRsa,
        receivesAda,
        traffickingVictim,
        procuringVictim,
        plan);
  }

  DossierContent content() {
    PlanRequest plan = this.plan == null ? new PlanRequest(null, null, null, null) : this.plan;
    return new DossierContent(
        associationId,
        nationality,
        children,
        monthlyResources,
        receivesRsa,
        receivesAda,
        traffickingVictim,
        plan.actions(),
        plan.stopsProstitution(),
        plan.signedOn(),
        procuringVictim);
  }

  PersonalFile personalFile() {
    PersonRequest who = person == null ? new PersonRequest(null, null, null, null, null) : person;
    return new PersonalFile(
        who.lastName(),
        who.firstName(),
        who.birthDate(),
        who.phone(),
        who.email(),
        plan == null ? null : plan.notes());
  }
}
