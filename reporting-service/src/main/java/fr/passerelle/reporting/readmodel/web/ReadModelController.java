package fr.passerelle.reporting.readmodel.web;

import fr.passerelle.edge.Problems;
import fr.passerelle.reporting.readmodel.ReadModelGenerations;
import fr.passerelle.reporting.readmodel.ReadModelRebuild;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the read models: generations, rebuild and its progress. ADMIN only, as
 * every {@code /admin/**} route (passerelle-security), on the service's own port.
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
    List<ReadModelGenerations.Generation> all = generations.all();
    ReadModelRebuild.Progress progress = rebuild.progress();
    return progress == null
        ? Map.of("generations", all)
        : Map.of("generations", all, "rebuild", progress);
  }

  /** Rebuilds every read model from offset 0 into a new generation, then switches over. */
  @PostMapping("/rebuild")
  ResponseEntity<?> rebuild() {
    try {
      return ResponseEntity.accepted().body(rebuild.start());
    } catch (IllegalStateException e) {
      ProblemDetail problem =
          Problems.of(HttpStatus.CONFLICT, "Une reconstruction est déjà en cours.");
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
  }

  /** Drops a retired generation. */
  @DeleteMapping("/generations/{number}")
  ResponseEntity<?> drop(@PathVariable int number) {
    try {
      generations.drop(number);
      return ResponseEntity.noContent().build();
    } catch (IllegalArgumentException e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Problems.of(HttpStatus.NOT_FOUND, "Aucune génération retirée n° " + number + "."));
    }
  }
}
