package fr.passerelle.decision.shared.web;

import fr.passerelle.decision.pathway.command.DossierNotFoundException;
import fr.passerelle.decision.shared.command.InvalidCommandFieldException;
import fr.passerelle.decision.shared.command.NotFoundException;
import fr.passerelle.decision.shared.command.RuleViolationException;
import fr.passerelle.edge.FieldError;
import fr.passerelle.edge.Problems;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of the domain rules as problem details, with the platform's French titles and types:
 * a rule of the procedure broken is a 409, something unknown in the département a 404 (told the
 * same way whether it exists elsewhere or not at all), a field the domain rejects a 400. Runs
 * before the platform's {@code ProblemDetailsAdvice}, which handles everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DecisionProblemsAdvice {

  private static final Logger log = LoggerFactory.getLogger(DecisionProblemsAdvice.class);

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** A command sent to a dossier that decision-service never registered. */
  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<ProblemDetail> unknownDossier(AggregateNotFoundException e) {
    return notFound(new DossierNotFoundException());
  }

  @ExceptionHandler(InvalidCommandFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidCommandFieldException e) {
    var response = problem(HttpStatus.BAD_REQUEST, "La requête contient des champs invalides.");
    response.getBody().setProperty("errors", List.of(FieldError.of(e.field(), e.getMessage())));
    return response;
  }

  /** Axon wraps what a remote command handler threw: the cause says what went wrong. */
  @ExceptionHandler(CommandExecutionException.class)
  ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuleViolationException violation) {
      return ruleViolated(violation);
    }
    if (cause instanceof NotFoundException notFound) {
      return notFound(notFound);
    }
    if (cause instanceof AggregateNotFoundException unknown) {
      return unknownDossier(unknown);
    }
    if (cause instanceof InvalidCommandFieldException invalid) {
      return invalidField(invalid);
    }
    log.error("A command failed unexpectedly", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, null);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(Problems.title(status));
    problem.setType(Problems.type(status));
    return ResponseEntity.status(status).body(problem);
  }
}
