package fr.passerelle.dossier.retention.web;

import fr.passerelle.dossier.retention.RetentionSchedule;
import fr.passerelle.dossier.retention.RetentionSchedule.ErasureDue;
import fr.passerelle.edge.route.Routes;
import fr.passerelle.edge.security.PasserelleUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The association's to-do list for retention: the dossiers whose person's data will be erased, and
 * when (an association sees its own; the préfecture its département's). Ids, dates and codes only.
 */
@RestController
class ErasuresDueController {

  private final RetentionSchedule schedule;

  ErasuresDueController(RetentionSchedule schedule) {
    this.schedule = schedule;
  }

  @GetMapping("/api/departements/{departmentCode}/erasures-due")
  List<ErasureDue> erasuresDue(@PathVariable String departmentCode, PasserelleUser caller) {
    if (Routes.associationOnly(caller)) {
      return caller.associationId() == null
          ? List.of()
          : schedule.erasuresDue(departmentCode, caller.associationId());
    }
    return schedule.erasuresDue(departmentCode, null);
  }
}
