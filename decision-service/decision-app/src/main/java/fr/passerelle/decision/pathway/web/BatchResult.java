package fr.passerelle.decision.pathway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.edge.Problems;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.RefusedException;
import java.util.List;
import org.springframework.http.HttpStatusCode;

/**
 * What became of one dossier of a batch: done ({@code status} 201 or 204), or refused with the
 * problem it would have got alone (its status, French title, detail and fields at fault).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BatchResult(
    String dossierId, int status, String title, String detail, List<FieldError> errors) {

  static BatchResult done(String dossierId, int status) {
    return new BatchResult(dossierId, status, null, null, List.of());
  }

  static BatchResult refused(String dossierId, RefusedException refusal) {
    return new BatchResult(
        dossierId,
        refusal.status(),
        Problems.title(HttpStatusCode.valueOf(refusal.status())),
        refusal.getMessage(),
        refusal.errors());
  }

  /** The results of a batch, in the order of its dossiers. */
  public record Results(int done, int refused, List<BatchResult> results) {

    static Results of(List<BatchResult> results) {
      int done = (int) results.stream().filter(r -> r.status() < 300).count();
      return new Results(done, results.size() - done, results);
    }
  }
}
