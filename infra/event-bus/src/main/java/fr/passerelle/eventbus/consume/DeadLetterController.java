package fr.passerelle.eventbus.consume;

import fr.passerelle.edge.Problems;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The operators' view of a service's dead letters: list, retry, discard. */
@RestController
@RequestMapping("/admin/event-bus/dead-letters")
public class DeadLetterController {

  private final DeadLetters deadLetters;
  private final DeadLetterOperations operations;

  public DeadLetterController(DeadLetters deadLetters, DeadLetterOperations operations) {
    this.deadLetters = deadLetters;
    this.operations = operations;
  }

  @GetMapping
  List<DeadLetter> list(
      @RequestParam(required = false) String consumer,
      @RequestParam(required = false) String status) {
    return deadLetters.list(consumer, status);
  }

  /** Retries a letter; one waiting behind an older letter of its dossier is a 409 problem. */
  @PostMapping("/{id}/retry")
  ResponseEntity<?> retry(@PathVariable long id) {
    try {
      return ResponseEntity.ok(operations.retry(id));
    } catch (NoSuchElementException e) {
      throw notFound(id);
    } catch (DeadLetterOperations.OutOfOrderException e) {
      ProblemDetail problem =
          Problems.of(
              HttpStatus.CONFLICT,
              "La lettre morte n° %d attend derrière la lettre n° %d du même dossier : traitez celle-ci d'abord, pour que les événements du dossier s'appliquent dans leur ordre."
                  .formatted(id, e.oldest().id()));
      problem.setProperty("oldest", e.oldest().id());
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
  }

  @PostMapping("/{id}/discard")
  DeadLetterOperations.Result discard(@PathVariable long id) {
    try {
      return operations.discard(id);
    } catch (NoSuchElementException e) {
      throw notFound(id);
    }
  }

  /** The database failed the operation, not the letter: nothing changed, try again later. */
  @ExceptionHandler(InfrastructureUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(InfrastructureUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "La base de données ne répond pas : rien n'a changé, réessayez plus tard."));
  }

  /** Events cannot be applied for a moment (read models switching over): nothing changed. */
  @ExceptionHandler(DeliveryPostponedException.class)
  ResponseEntity<ProblemDetail> postponed(DeliveryPostponedException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "1")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Les événements ne peuvent être appliqués pendant un instant : rien n'a changé,"
                    + " réessayez."));
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune lettre morte n° " + id);
  }
}
