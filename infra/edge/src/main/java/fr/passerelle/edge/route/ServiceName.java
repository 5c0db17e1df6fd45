package fr.passerelle.edge.route;

import java.util.Arrays;
import java.util.Optional;

/** The services behind the gateway, each owning the routes it answers. */
public enum ServiceName {
  DOSSIER("dossier-service"),
  DECISION("decision-service"),
  BENEFITS("benefits-service"),
  REPORTING("reporting-service");

  private final String applicationName;

  ServiceName(String applicationName) {
    this.applicationName = applicationName;
  }

  /** Its {@code spring.application.name}, also its gateway route id. */
  public String applicationName() {
    return applicationName;
  }

  /** The service whose {@code spring.application.name} this is, if any. */
  public static Optional<ServiceName> ofApplication(String applicationName) {
    return Arrays.stream(values())
        .filter(service -> service.applicationName.equals(applicationName))
        .findFirst();
  }
}
