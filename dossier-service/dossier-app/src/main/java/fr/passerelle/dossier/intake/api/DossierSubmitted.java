package fr.passerelle.dossier.intake.api;

import fr.passerelle.dossier.events.AgeBand;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Internal event: a complete dossier was submitted. Private to dossier-service; the publishing map
 * turns it into the published {@code DossierSubmitted}. Revision 2 carries the whole content, the
 * person and the age band; revision 3 adds the person's pseudonym in the dossier (computed from
 * their data key at submission, so that it can be published again after an erasure); revision 4 the
 * day the dossier was submitted as the association entered it, beside the time it was recorded
 * ({@code submittedAt}); earlier revisions are upcast, without that day.
 */
@Revision("4")
public record DossierSubmitted(
    String dossierId,
    String departmentCode,
    String personId,
    DossierContent content,
    AgeBand ageBand,
    Instant submittedAt,
    String personPseudonym,
    LocalDate submittedOn) {}
