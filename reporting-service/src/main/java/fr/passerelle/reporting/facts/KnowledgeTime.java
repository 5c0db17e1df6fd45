package fr.passerelle.reporting.facts;

import fr.passerelle.edge.refusal.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The instants a review can be asked "as known at": from the first event the platform recorded
 * until now. Before, the platform knew nothing to review; after, it cannot know yet.
 */
public interface KnowledgeTime {

  /** The request parameter that asks for it. */
  String AS_OF = "asOf";

  Instant now();

  /** When the platform recorded its first event, if it recorded any. */
  Optional<Instant> firstRecorded();

  /**
   * The instant a request asks for ({@code asOf}, ISO 8601 with its offset), or null (now) when it
   * asks for none; an instant that cannot be, or is no instant, adds its refusal to {@code errors}
   * and gives null.
   */
  default Instant asOf(String asOf, List<FieldError> errors) {
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
    if (instant.isAfter(now())) {
      errors.add(FieldError.of(AS_OF, "dans le futur : la plateforme ne le sait pas encore"));
      return null;
    }
    Optional<Instant> first = firstRecorded();
    if (first.isPresent() && instant.isBefore(first.get())) {
      errors.add(
          FieldError.of(
              AS_OF,
              "avant le premier fait enregistré par la plateforme (%s)"
                  .formatted(
                      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss 'UTC'")
                          .withZone(ZoneOffset.UTC)
                          .format(first.get()))));
      return null;
    }
    return instant;
  }

  /** The platform's: its clock, and its first event as the audit ledger holds it. */
  static KnowledgeTime ofLedger(JdbcTemplate jdbc, Clock clock) {
    return new KnowledgeTime() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public Optional<Instant> firstRecorded() {
        Timestamp first =
            jdbc.queryForObject("SELECT min(recorded_at) FROM public.audit_event", Timestamp.class);
        return Optional.ofNullable(first).map(Timestamp::toInstant);
      }
    };
  }
}
