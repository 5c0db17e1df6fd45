package fr.passerelle.reporting.review.web;

import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.reporting.facts.KnowledgeTime;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import fr.passerelle.reporting.review.query.FindNationalReviewQuery;
import fr.passerelle.reporting.review.query.ReviewYears;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads review requests, refusing them with every field at fault: the département, the year (domain
 * time) and {@code asOf} (knowledge time: an instant with its offset, between the platform's first
 * recorded event and now).
 */
final class ReviewRequests {

  private static final String YEAR = "year";
  private static final String AS_OF = "asOf";
  private static final DateTimeFormatter FRENCH_INSTANT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

  private final KnowledgeTime knowledge;

  ReviewRequests(KnowledgeTime knowledge) {
    this.knowledge = knowledge;
  }

  FindDepartmentReviewQuery departmentReview(String departmentCode, String year, String asOf) {
    List<FieldError> errors = new ArrayList<>();
    if (!DepartmentCode.isValid(departmentCode)) {
      errors.add(FieldError.of("departmentCode", "code de département inconnu"));
    }
    int parsedYear = year(year, errors);
    Instant parsedAsOf = asOf(asOf, errors);
    refuseIfAny(errors);
    return new FindDepartmentReviewQuery(departmentCode, parsedYear, parsedAsOf);
  }

  FindNationalReviewQuery nationalReview(String year, String asOf) {
    List<FieldError> errors = new ArrayList<>();
    int parsedYear = year(year, errors);
    Instant parsedAsOf = asOf(asOf, errors);
    refuseIfAny(errors);
    return new FindNationalReviewQuery(parsedYear, parsedAsOf);
  }

  private static int year(String year, List<FieldError> errors) {
    if (year == null || year.isBlank()) {
      errors.add(FieldError.of(YEAR, "année obligatoire"));
      return 0;
    }
    if (!year.matches("\\d{4}") || !ReviewYears.isValid(Integer.parseInt(year))) {
      errors.add(
          FieldError.of(
              YEAR, "année entre %d et %d".formatted(ReviewYears.FIRST, ReviewYears.LAST)));
      return 0;
    }
    return Integer.parseInt(year);
  }

  /** The instant asked for, or null (now) when none is. */
  private Instant asOf(String asOf, List<FieldError> errors) {
    if (asOf == null || asOf.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(asOf).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          FieldError.of(
              AS_OF, "instant ISO 8601 avec son décalage, par exemple 2020-01-31T23:59:59Z"));
      return null;
    }
    if (instant.isAfter(knowledge.now())) {
      errors.add(FieldError.of(AS_OF, "dans le futur : la plateforme ne le sait pas encore"));
      return null;
    }
    Optional<Instant> first = knowledge.firstRecorded();
    if (first.isPresent() && instant.isBefore(first.get())) {
      errors.add(
          FieldError.of(
              AS_OF,
              "avant le premier fait enregistré par la plateforme (%s)"
                  .formatted(FRENCH_INSTANT.format(first.get()))));
      return null;
    }
    return instant;
  }

  private static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
