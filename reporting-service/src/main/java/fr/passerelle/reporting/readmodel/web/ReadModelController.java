package fr.passerelle.reporting.readmodel.web;

import fr.passerelle.edge.Problems;
import fr.passerelle.reporting.readmodel.ReadModelGenerations;
import fr.passerelle.reporting.readmodel.ReadModelRebuild;
import fr.passerelle.reporting.readmodel.ReadModelRebuild.RebuildConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the read models: generations, rebuild and its progress. ADMIN only, as
 * every {@code /admin/**} route (passerelle-security), on the service's own port. Every instance
 * answers the same: the state is in the database.
 */
@RestController
@RequestMapping("/admin/read-models")
class ReadModelController {

  private final ReadModelGenerations generations;
  private final ReadModelRebuild rebuild;

  ReadModelController(ReadModelGenerations generations, ReadModelRebuild rebuild) {
    this.generations = generations;
    this.rebuild = rebuild;
  }

  @GetMapping
  Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("generations", generations.all());
    rebuild.progress().ifPresent(progress -> status.put("rebuild", progress));
    return status;
  }

  /** Rebuilds every read model from offset 0 into a new generation, then switches over. */
  @PostMapping("/rebuild")
  ResponseEntity<ReadModelRebuild.Progress> rebuild() {
    return ResponseEntity.accepted().body(rebuild.start());
  }

  /** Resumes a rebuild interrupted by a restart, from where its consumers had got to. */
  @PostMapping("/generations/{number}/resume")
  ResponseEntity<ReadModelRebuild.Progress> resume(@PathVariable int number) {
    try {
      return ResponseEntity.accepted().body(rebuild.resume(number));
    } catch (NoSuchElementException e) {
      throw new GenerationNotFound("Aucune génération en construction n° " + number + ".");
    }
  }

  /** Drops a retired generation, or abandons and drops an interrupted rebuild's generation. */
  @DeleteMapping("/generations/{number}")
  ResponseEntity<Void> drop(@PathVariable int number) {
    try {
      rebuild.drop(number);
      return ResponseEntity.noContent().build();
    } catch (NoSuchElementException e) {
      throw new GenerationNotFound("Aucune génération n° " + number + ".");
    }
  }

  @ExceptionHandler(GenerationNotFound.class)
  ResponseEntity<ProblemDetail> notFound(GenerationNotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Problems.of(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(RebuildConflictException.class)
  ResponseEntity<ProblemDetail> conflict(RebuildConflictException e) {
    String detail =
        switch (e.conflict()) {
          case RUNNING_ELSEWHERE -> "Une reconstruction est déjà en cours.";
          case INTERRUPTED ->
              ("La reconstruction de la génération %1$d a été interrompue : reprenez-la"
                      + " (POST /admin/read-models/generations/%1$d/resume) ou abandonnez-la"
                      + " (DELETE /admin/read-models/generations/%1$d).")
                  .formatted(e.generation());
          case ACTIVE ->
              "La génération %d est la génération active : elle ne peut pas être supprimée."
                  .formatted(e.generation());
        };
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, detail);
    if (e.generation() > 0) {
      problem.setProperty("generation", e.generation());
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /** No generation of that number (in the state the operation needs). */
  private static class GenerationNotFound extends RuntimeException {
    GenerationNotFound(String message) {
      super(message);
    }
  }
}
