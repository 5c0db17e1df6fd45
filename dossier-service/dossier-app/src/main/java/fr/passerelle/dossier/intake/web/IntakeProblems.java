package fr.passerelle.dossier.intake.web;

import fr.passerelle.dossier.intake.command.DossierStateException;
import fr.passerelle.dossier.intake.command.IncompleteDossierException;
import fr.passerelle.dossier.intake.command.UnknownDossierException;
import fr.passerelle.edge.FieldError;
import fr.passerelle.edge.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The intake rules' refusals as problem details. */
@RestControllerAdvice(assignableTypes = DossierController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

  @ExceptionHandler(IncompleteDossierException.class)
  ProblemDetail incomplete(IncompleteDossierException e) {
    return Problems.invalid(
        e.gaps().stream().map(gap -> FieldError.of(gap.field(), gap.message())).toList());
  }

  @ExceptionHandler(DossierStateException.class)
  ProblemDetail state(DossierStateException e) {
    return Problems.of(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler({DossierNotFoundException.class, UnknownDossierException.class})
  ProblemDetail notFound(RuntimeException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Aucun dossier de ce numéro dans ce département.");
  }
}
