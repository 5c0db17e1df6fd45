package fr.passerelle.benefits.beneficiary.api;

import fr.passerelle.benefits.events.HousingStep;
import java.time.LocalDate;

/** Internal event: the beneficiary lives in {@code step} housing from {@code from}. */
public record HousingStepRecorded(
    String dossierId, String departmentCode, HousingStep step, LocalDate from) {}
