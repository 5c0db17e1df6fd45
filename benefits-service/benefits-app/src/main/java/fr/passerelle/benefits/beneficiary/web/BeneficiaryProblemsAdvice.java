package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.command.EmploymentBeforePathwayException;
import fr.passerelle.benefits.beneficiary.command.UnknownBeneficiaryException;
import fr.passerelle.edge.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The beneficiaries' business-rule violations as problem details. Ordered before the platform's
 * {@code ProblemDetailsAdvice}, whose catch-all would otherwise answer them with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BeneficiaryProblemsAdvice {

  /** An unknown dossier and another département's get the same answer. */
  @ExceptionHandler({UnknownBeneficiaryException.class, AggregateNotFoundException.class})
  ProblemDetail unknown() {
    return problem(HttpStatus.NOT_FOUND, new UnknownBeneficiaryException().getMessage());
  }

  @ExceptionHandler(EmploymentBeforePathwayException.class)
  ProblemDetail beforePathway(EmploymentBeforePathwayException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(Problems.title(status));
    problem.setType(Problems.type(status));
    return problem;
  }
}
