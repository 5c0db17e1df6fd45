package fr.passerelle.eventbus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.events.AccessRecorded;
import fr.passerelle.eventbus.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessEventMapperTest {

  private final AccessEventMapper mapper = new AccessEventMapper();

  @Test
  void anEntryIsKeyedByItsDossier() {
    assertThat(mapper.map(refused("31", "4f7c2a8e-1b3d-4c5e-8f9a-0b1c2d3e4f50")))
        .map(IntegrationEvent::dossierId)
        .hasValue("4f7c2a8e-1b3d-4c5e-8f9a-0b1c2d3e4f50");
  }

  /**
   * A refusal of {@code POST /api/departements/31/beneficiaries/%20/afis/household} names the
   * dossier " ": its entry is published keyed by its département, instead of failing in the outbox
   * and stalling every event of the service behind it.
   */
  @Test
  void aRefusalNamingABlankDossierIsKeyedByItsDepartement() {
    assertThat(mapper.map(refused("31", " ")))
        .map(IntegrationEvent::dossierId)
        .hasValue("departement:31");
    assertThat(mapper.map(refused(" ", " "))).map(IntegrationEvent::dossierId).hasValue("national");
  }

  private static AccessRecorded refused(String departmentCode, String dossierId) {
    return new AccessRecorded(
        "a1",
        Instant.parse("2026-11-29T14:17:16Z"),
        "association-31",
        List.of("ASSOCIATION"),
        "association-31",
        departmentCode,
        dossierId,
        "AFIS_HOUSEHOLD",
        "POST",
        "/api/departements/{departmentCode}/beneficiaries/{dossierId}/afis/household",
        AccessRecorded.Outcome.REFUSED,
        "ASSOCIATION",
        "r1");
  }
}
