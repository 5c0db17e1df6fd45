package fr.passerelle.decision.config;

import fr.passerelle.decision.pathway.query.PathwaysProjection;
import fr.passerelle.edge.route.DossierOwnership;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the route guard which association accompanies a pathway, from the association its dossier's
 * submission named: an association reads only the pathways of the persons it accompanies.
 */
@Configuration(proxyBeanMethods = false)
class DossierOwnershipConfiguration {

  @Bean
  DossierOwnership dossierOwnership(PathwaysProjection pathways) {
    return pathways::associationOf;
  }
}
