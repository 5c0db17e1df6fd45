package fr.passerelle.benefits.config;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryView;
import fr.passerelle.benefits.beneficiary.api.FindBeneficiaryQuery;
import fr.passerelle.edge.route.DossierOwnership;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the route guard which association accompanies a beneficiary. */
@Configuration(proxyBeanMethods = false)
class OwnershipConfiguration {

  @Bean
  DossierOwnership dossierOwnership(QueryGateway queries) {
    return (departmentCode, dossierId) ->
        queries
            .query(
                new FindBeneficiaryQuery(departmentCode, dossierId),
                ResponseTypes.optionalInstanceOf(BeneficiaryView.class))
            .join()
            .map(BeneficiaryView::associationId);
  }
}
