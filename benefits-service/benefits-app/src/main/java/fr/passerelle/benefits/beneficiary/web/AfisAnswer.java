package fr.passerelle.benefits.beneficiary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.benefits.events.AfisRefusalReason;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a request or a decision on the AFIS.
 *
 * @param status {@code REQUESTED}, {@code GRANTED}, {@code REFUSED}, {@code SUSPENDED}, {@code
 *     RESUMED}, {@code ENDED} or {@code REASSESSED}
 * @param refusalReasons every unmet condition, when refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfisAnswer(
    String dossierId,
    String requestId,
    String status,
    LocalDate on,
    List<AfisRefusalReason> refusalReasons) {}
