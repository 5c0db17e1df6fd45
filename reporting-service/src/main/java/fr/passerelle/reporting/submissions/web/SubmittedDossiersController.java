package fr.passerelle.reporting.submissions.web;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.reporting.facts.KnowledgeTime;
import fr.passerelle.reporting.review.smallcells.ExactFigures;
import fr.passerelle.reporting.review.smallcells.SmallCells;
import fr.passerelle.reporting.submissions.projection.SubmittedDossiersProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many dossiers a département submitted (who may read it: the route table). The count runs over
 * all time, a period the reviews give only to the département's staff: subtracted from the calendar
 * years an analyst reads, it would give back a year's withheld count. Readers outside the staff
 * read it withheld, but when it is zero (ADR 34).
 */
@RestController
class SubmittedDossiersController {

  private static final String FIGURE = "submittedDossiers";

  private final SubmittedDossiersProjection submittedDossiers;
  private final SmallCells smallCells;
  private final KnowledgeTime knowledge;

  SubmittedDossiersController(
      SubmittedDossiersProjection submittedDossiers,
      SmallCells smallCells,
      KnowledgeTime knowledge) {
    this.submittedDossiers = submittedDossiers;
    this.smallCells = smallCells;
    this.knowledge = knowledge;
  }

  /** The count as known now, or at {@code asOf} (an instant with its offset). */
  @GetMapping("/api/departements/{departmentCode}/reports/dossiers")
  SubmittedDossiersView submitted(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String asOf,
      PasserelleUser caller) {
    List<FieldError> errors = new ArrayList<>();
    Instant knownAt = knowledge.asOf(asOf, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    long submitted = submittedDossiers.countIn(departmentCode, knownAt);
    if (ExactFigures.readBy(caller)) {
      return new SubmittedDossiersView(departmentCode, knownAt, submitted, null, List.of());
    }
    return submitted == 0
        ? new SubmittedDossiersView(departmentCode, knownAt, 0L, smallCells.threshold(), List.of())
        : new SubmittedDossiersView(
            departmentCode, knownAt, null, smallCells.threshold(), List.of(FIGURE));
  }

  /**
   * How many dossiers a département's associations have submitted.
   *
   * @param asOf the instant the count is as known at; null for what the platform knows now
   * @param submittedDossiers the count, or null when withheld
   * @param secrecyThreshold the k under which counts are withheld, or null: the exact count
   * @param withheld the figures withheld
   */
  record SubmittedDossiersView(
      String departmentCode,
      Instant asOf,
      Long submittedDossiers,
      Integer secrecyThreshold,
      List<String> withheld) {}
}
