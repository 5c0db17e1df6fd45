package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.PermitEndReason;
import java.time.LocalDate;

/** Internal event: the residence permit expired or was withdrawn; {@code endedOn} its last day. */
public record PermitEnded(
    String dossierId, String departmentCode, LocalDate endedOn, PermitEndReason reason) {}
