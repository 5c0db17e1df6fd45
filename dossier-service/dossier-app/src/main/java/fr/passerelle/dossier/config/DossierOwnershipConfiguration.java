package fr.passerelle.dossier.config;

import fr.passerelle.dossier.intake.query.DossierSummaries;
import fr.passerelle.dossier.intake.query.DossierSummary;
import fr.passerelle.edge.route.DossierOwnership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the route guard which association accompanies a dossier, from the dossiers' summaries. */
@Configuration(proxyBeanMethods = false)
class DossierOwnershipConfiguration {

  @Bean
  DossierOwnership dossierOwnership(DossierSummaries summaries) {
    return (departmentCode, dossierId) ->
        summaries.find(departmentCode, dossierId).map(DossierSummary::associationId);
  }
}
