package fr.passerelle.benefits.beneficiary.web;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.benefits.beneficiary.command.UnknownBeneficiaryException;
import fr.passerelle.edge.route.AccessRecorder;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A beneficiary's rights and integration outcomes. The route guard has checked the caller's
 * département, role and, for an association, that it accompanies the beneficiary (docs/security.md)
 * before a method here runs.
 */
@RestController
class BeneficiaryController {

  private final QueryGateway queries;
  private final AccessRecorder accessLog;

  BeneficiaryController(QueryGateway queries, AccessRecorder accessLog) {
    this.queries = queries;
    this.accessLog = accessLog;
  }

  /** The rights of a beneficiary; the read is recorded in the access log in its transaction. */
  @GetMapping(Paths.BENEFICIARY)
  @Transactional
  BeneficiaryView beneficiary(@PathVariable String departmentCode, @PathVariable String dossierId) {
    BeneficiaryView beneficiary =
        queries
            .query(
                new FindBeneficiaryQuery(departmentCode, dossierId),
                ResponseTypes.optionalInstanceOf(BeneficiaryView.class))
            .join()
            .orElseThrow(UnknownBeneficiaryException::new);
    accessLog.read(dossierId);
    return beneficiary;
  }
}
