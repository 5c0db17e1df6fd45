package fr.passerelle.dossier.intake.api;

import fr.passerelle.dossier.events.AgeBand;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Internal event: a complete dossier was submitted. Private to dossier-service; the publishing map
 * turns it into the published {@code DossierSubmitted}. Revision 2 carries the whole content, the
 * person and the age band; revision 1 (the walking skeleton's) is upcast.
 */
@Revision("2")
public record DossierSubmitted(
    String dossierId,
    String departmentCode,
    String personId,
    DossierContent content,
    AgeBand ageBand,
    Instant submittedAt) {}
