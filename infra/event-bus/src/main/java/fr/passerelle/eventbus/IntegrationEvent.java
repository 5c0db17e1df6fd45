package fr.passerelle.eventbus;

import java.util.Objects;

/**
 * What a publishing service puts on the bus for one of its internal events: the published type (for
 * example {@code passerelle.dossier.dossier-submitted.v1}), the dossier it concerns (record key and
 * {@code ce_subject}) and the data, a record of the service's {@code *-events} module.
 */
public record IntegrationEvent(String type, String dossierId, Object data) {

  public IntegrationEvent {
    requireText(type, "type");
    requireText(dossierId, "dossierId");
    Objects.requireNonNull(data, "data");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
