package fr.passerelle.decision.pathway.web;

import fr.passerelle.decision.pathway.api.FindPathwayQuery;
import fr.passerelle.decision.pathway.api.PathwayView;
import fr.passerelle.decision.pathway.command.DossierNotFoundException;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a pathway stands, for the commission, the préfecture, auditors and the association that
 * accompanies the person (its own dossiers only: the route guard checks it, docs/security.md).
 */
@RestController
class PathwayController {

  private final QueryGateway queries;

  PathwayController(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/api/departements/{departmentCode}/pathways/{dossierId}")
  PathwayView pathway(@PathVariable String departmentCode, @PathVariable String dossierId) {
    Optional<PathwayView> found =
        queries
            .query(
                new FindPathwayQuery(departmentCode, dossierId),
                ResponseTypes.optionalInstanceOf(PathwayView.class))
            .join();
    return found.orElseThrow(DossierNotFoundException::new);
  }
}
