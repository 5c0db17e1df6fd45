package fr.passerelle.reporting.facts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The instants a review can be asked "as known at": from the first event the platform recorded
 * until now. Before, the platform knew nothing to review; after, it cannot know yet.
 */
public interface KnowledgeTime {

  Instant now();

  /** When the platform recorded its first event, if it recorded any. */
  Optional<Instant> firstRecorded();

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
