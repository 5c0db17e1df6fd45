package fr.passerelle.benefits.beneficiary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The answer to a decision on a permit.
 *
 * @param decision {@code ISSUED}, {@code RENEWED}, {@code REFUSED} or {@code WITHDRAWN}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PermitDecided(
    String dossierId,
    String decision,
    LocalDate decidedOn,
    LocalDate validFrom,
    LocalDate validUntil,
    String reason) {}
