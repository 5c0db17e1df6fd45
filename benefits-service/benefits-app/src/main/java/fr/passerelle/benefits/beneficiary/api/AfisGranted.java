package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;

/**
 * Internal event: the préfet granted the AFIS for the pathway's period, from {@code from} to {@code
 * until}. Each month's amount follows the scale in force that month.
 *
 * @param monthlyAmountCents the full amount of the first month's scale for the household
 * @param requestId the request decided; {@code null} (as are the fields after it) in the events
 *     stored when the AFIS was granted automatically at validation
 * @param children the household's dependent children
 * @param scaleReference the text that sets the first month's scale
 */
public record AfisGranted(
    String dossierId,
    String departmentCode,
    long monthlyAmountCents,
    Territory territory,
    LocalDate from,
    LocalDate until,
    String requestId,
    LocalDate decidedOn,
    Integer children,
    String scaleReference) {}
