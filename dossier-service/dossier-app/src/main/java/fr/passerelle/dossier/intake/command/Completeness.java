package fr.passerelle.dossier.intake.command;

import fr.passerelle.dossier.intake.api.DossierContent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a dossier must contain to be submitted (domain.md, lifecycle step 1). */
final class Completeness {

  private Completeness() {}

  static List<Gap> gaps(
      DossierContent content,
      String departmentCode,
      String personId,
      LocalDate today,
      Approvals approvals,
      PersonalFiles files) {
    List<Gap> gaps = new ArrayList<>();
    files.missingFields(personId).forEach(field -> gaps.add(Gap.missing(field)));
    if (content.associationId() == null) {
      gaps.add(Gap.missing("associationId"));
    } else if (!approvals.approved(content.associationId(), departmentCode, today)) {
      gaps.add(new Gap("associationId", "association non agréée dans ce département à cette date"));
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
    } else if (content.signedOn().isAfter(today)) {
      gaps.add(new Gap("plan.signedOn", "ne peut pas être dans le futur"));
    }
    return gaps;
  }

  private static void requirePresent(List<Gap> gaps, Object value, String field) {
    if (value == null) {
      gaps.add(Gap.missing(field));
    }
  }
}
