package fr.passerelle.reporting.audit.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How the ledger keeps an event's data, in three parts:
 *
 * <ul>
 *   <li><b>facts</b>: what makes the dossier's history readable and countable (ids, codes, dates,
 *       amounts, who acted): kept in clear and chained as they are;
 *   <li><b>the person</b>: everything else the event says of the person (nationality, household,
 *       victim status, resources, any field the ledger does not know yet): kept beside the facts,
 *       chained through a salted digest only, and erased with its salt when the person's data is
 *       erased;
 *   <li><b>links to the person</b> (a pseudonym, the vault's id): never kept. They identify nobody
 *       here, and a publisher can no longer compute a pseudonym once the person's key is destroyed,
 *       so no proof may depend on them.
 * </ul>
 *
 * A field the ledger does not know is the person's until said otherwise: an event type published
 * after this code keeps its history and its proof, and loses nothing but that field at an erasure.
 */
final class EventData {

  /** The day a date-time becomes in the départements' calendar. */
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Never kept: they point at the person, not at the case. */
  static final Set<String> LINKS_TO_THE_PERSON = Set.of("personId", "personPseudonym");

  /** Kept in clear: the case's ids, codes, dates and amounts, and the staff who acted. */
  static final Set<String> FACTS =
      Set.of(
          // ids
          "dossierId",
          "departmentCode",
          "associationId",
          "sessionId",
          "requestId",
          "employmentId",
          "paymentRunId",
          "accessId",
          // what was decided, and why, as codes
          "opinion",
          "outcome",
          "reason",
          "reasons",
          "renewal",
          "termNumber",
          "totalMonths",
          "contractType",
          "step",
          "territory",
          "scaleReference",
          "oneOffAidReference",
          // days and months of the world
          "submittedAt",
          "requestedOn",
          "sessionDate",
          "decidedOn",
          "startDate",
          "endDate",
          "lastDay",
          "currentTermEndDate",
          "validFrom",
          "validUntil",
          "from",
          "until",
          "month",
          "months",
          "fromMonth",
          "lastMonth",
          "endedOn",
          "paidOn",
          "recordedOn",
          "erasedOn",
          "dueOn",
          // amounts
          "monthlyAmountCents",
          "amountCents",
          "fullMonthAmountCents",
          "oneOffAidCents",
          "weeklyHours",
          // an access log entry: a member of staff's call, not the person's data
          "recordedAt",
          "subject",
          "roles",
          "operation",
          "method",
          "path",
          "refusal");

  /**
   * The fields that carry an event's domain date, in order of preference: the day the decision was
   * taken, the session sat, the job started..., falling back on the day a term or right ended.
   */
  static final List<String> DOMAIN_DATES =
      List.of(
          "decidedOn",
          "sessionDate",
          "requestedOn",
          "startDate",
          "validFrom",
          "from",
          "paidOn",
          "recordedOn",
          "endedOn",
          "endDate",
          "lastDay",
          "erasedOn",
          "dueOn",
          "submittedAt",
          "recordedAt");

  /** An event's data, split; {@code person} is null when the event says nothing of the person. */
  record Split(String facts, String person, LocalDate domainDate, String departmentCode) {}

  private EventData() {}

  static Split split(String json) {
    JsonNode data = CanonicalJson.MAPPER.readTree(json);
    Map<String, JsonNode> facts = new LinkedHashMap<>();
    Map<String, JsonNode> person = new LinkedHashMap<>();
    if (data.isObject()) {
      data.properties()
          .forEach(
              member -> {
                String name = member.getKey();
                if (LINKS_TO_THE_PERSON.contains(name) || member.getValue().isNull()) {
                  return;
                }
                (FACTS.contains(name) ? facts : person).put(name, member.getValue());
              });
    }
    JsonNode department = facts.get("departmentCode");
    return new Split(
        CanonicalJson.of(facts),
        person.isEmpty() ? null : CanonicalJson.of(person),
        domainDate(facts),
        department != null && department.isString() ? department.asString() : null);
  }

  private static LocalDate domainDate(Map<String, JsonNode> facts) {
    for (String name : DOMAIN_DATES) {
      JsonNode value = facts.get(name);
      if (value != null && value.isString()) {
        LocalDate date = date(value.asString());
        if (date != null) {
          return date;
        }
      }
    }
    return null;
  }

  /** A day ({@code 2019-03-14}), or the day of an instant in Paris. */
  private static LocalDate date(String text) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text)
          : LocalDate.ofInstant(Instant.parse(text), PARIS);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
