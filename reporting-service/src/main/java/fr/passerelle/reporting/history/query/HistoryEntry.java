package fr.passerelle.reporting.history.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a dossier's history: an event a service published about it, or an entry of the access
 * log (a member of staff read or wrote its personal data, or was refused).
 *
 * @param kind {@code EVENT} or {@code ACCESS}
 * @param type the event's published type; for an access, the operation's name
 * @param service the service that recorded it
 * @param domainDate the day it happened in the world, as entered (a decision's, a session's...)
 * @param recordedAt when the service recorded it
 * @param receivedAt when reporting-service received it; absent for its own access entries
 * @param actor who acted, and under which roles; absent for what the platform did by itself
 * @param requestId the request it came from
 * @param facts what happened: ids, codes, dates, amounts (a JSON object, as the ledger keeps it)
 * @param person what the event said of the person (a JSON object), absent once their data was
 *     erased
 * @param ledgerPosition its place in the audit ledger's global chain, for {@code /audit/verify}
 */
public record HistoryEntry(
    String kind,
    String type,
    String service,
    LocalDate domainDate,
    Instant recordedAt,
    Instant receivedAt,
    Actor actor,
    String requestId,
    @JsonRawValue String facts,
    @JsonRawValue String person,
    Long ledgerPosition) {

  /** Who acted: a member of staff's token subject and the roles they acted under. */
  public record Actor(String subject, List<String> roles) {}
}
