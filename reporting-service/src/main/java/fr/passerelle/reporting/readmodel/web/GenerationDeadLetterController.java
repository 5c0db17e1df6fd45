package fr.passerelle.reporting.readmodel.web;

import fr.passerelle.edge.Problems;
import fr.passerelle.eventbus.consume.DeadLetter;
import fr.passerelle.eventbus.consume.DeadLetterOperations;
import fr.passerelle.eventbus.consume.DeadLetters;
import fr.passerelle.reporting.readmodel.ReadModelGenerations;
import fr.passerelle.reporting.readmodel.SchemaSelector;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
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

/**
 * The dead letters of one generation of the read models, for the generation a rebuild fills: its
 * switch-over waits until they are retried or discarded. The same operations as {@code
 * /admin/event-bus/dead-letters}, which work on the active generation.
 */
@RestController
@RequestMapping("/admin/read-models/generations/{number}/dead-letters")
class GenerationDeadLetterController {

  private final ReadModelGenerations generations;
  private final SchemaSelector schemas;
  private final DeadLetters deadLetters;
  private final DeadLetterOperations operations;

  GenerationDeadLetterController(
      ReadModelGenerations generations,
      SchemaSelector schemas,
      DeadLetters deadLetters,
      DeadLetterOperations operations) {
    this.generations = generations;
    this.schemas = schemas;
    this.deadLetters = deadLetters;
    this.operations = operations;
  }

  @GetMapping
  List<DeadLetter> list(
      @PathVariable int number,
      @RequestParam(required = false) String consumer,
      @RequestParam(required = false) String status) {
    return within(number, () -> deadLetters.list(consumer, status));
  }

  @PostMapping("/{id}/retry")
  DeadLetterOperations.Result retry(@PathVariable int number, @PathVariable long id) {
    return within(number, () -> operations.retry(id));
  }

  @PostMapping("/{id}/discard")
  DeadLetterOperations.Result discard(@PathVariable int number, @PathVariable long id) {
    return within(number, () -> operations.discard(id));
  }

  private <T> T within(int number, Supplier<T> work) {
    ReadModelGenerations.Generation generation =
        generations.find(number).orElseThrow(NoSuchElementException::new);
    return schemas.within(generation.schema(), work);
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<ProblemDetail> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Problems.of(HttpStatus.NOT_FOUND, "Aucune génération ou lettre morte de ce numéro."));
  }

  @ExceptionHandler(DeadLetterOperations.OutOfOrderException.class)
  ResponseEntity<ProblemDetail> outOfOrder(DeadLetterOperations.OutOfOrderException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.CONFLICT,
            "Cette lettre morte attend derrière la lettre n° %d du même dossier : traitez celle-ci d'abord."
                .formatted(e.oldest().id()));
    problem.setProperty("oldest", e.oldest().id());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }
}
