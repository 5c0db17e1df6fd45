package fr.passerelle.dossier.intake.command;

import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.command.Approvals.Approval;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a dossier must contain to be submitted on a given day (domain.md, lifecycle step 1): the
 * association approved that day, the plan signed by then.
 */
final class Completeness {

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Completeness() {}

  static List<Gap> gaps(
      DossierContent content,
      String departmentCode,
      String personId,
      LocalDate submittedOn,
      Approvals approvals,
      PersonalFiles files) {
    List<Gap> gaps = new ArrayList<>();
    files.missingFields(personId).forEach(field -> gaps.add(Gap.missing(field)));
    if (content.associationId() == null) {
      gaps.add(Gap.missing("associationId"));
    } else {
      Optional<Approval> approval = approvals.of(content.associationId(), departmentCode);
      if (approval.isPresent() && submittedOn.isBefore(approval.get().from())) {
        gaps.add(
            new Gap(
                "submittedOn",
                "antérieure au début de l'agrément de l'association ("
                    + approval.get().from().format(FRENCH_DATE)
                    + ")"));
      } else if (approval.filter(a -> a.covers(submittedOn)).isEmpty()) {
        gaps.add(
            new Gap("associationId", "association non agréée dans ce département à cette date"));
      }
    }
    requirePresent(gaps, content.nationality(), "nationality");
    requirePresent(gaps, content.children(), "children");
    requirePresent(gaps, content.monthlyResources(), "monthlyResources");
    requirePresent(gaps, content.receivesRsa(), "receivesRsa");
    requirePresent(gaps, content.receivesAda(), "receivesAda");
    requirePresent(gaps, content.traffickingVictim(), "traffickingVictim");
    if (content.plannedActions().isEmpty()) {
      gaps.add(new Gap("plan.actions", "le plan doit prévoir au moins une action"));
    }
    if (!Boolean.TRUE.equals(content.stopsProstitution())) {
      gaps.add(
          new Gap(
              "plan.stopsProstitution",
              "l'engagement à cesser l'activité prostitutionnelle est requis"));
    }
    if (content.signedOn() == null) {
      gaps.add(new Gap("plan.signedOn", "le plan doit être signé par la personne"));
    } else if (content.signedOn().isAfter(submittedOn)) {
      gaps.add(new Gap("plan.signedOn", "ne peut pas être postérieure à la soumission du dossier"));
    }
    return gaps;
  }

  private static void requirePresent(List<Gap> gaps, Object value, String field) {
    if (value == null) {
      gaps.add(Gap.missing(field));
    }
  }
}
