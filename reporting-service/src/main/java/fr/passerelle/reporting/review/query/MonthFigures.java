package fr.passerelle.reporting.review.query;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One département's figures of one month: pathways in progress and people in a job at the month's
 * end (by contract type too), people paid the AFIS for the month and what they were paid.
 */
final class MonthFigures {

  private long pathwaysInProgress;
  private long employed;
  private final Map<String, Long> employedByContractType = new TreeMap<>();
  private long afisRecipientsPaid;
  private long afisPaidCents;

  long pathwaysInProgress() {
    return pathwaysInProgress;
  }

  /** People in at least one job: a person in two jobs of different contracts counts once. */
  long employed() {
    return employed;
  }

  /** People in a job of each contract type; one in two jobs counts under both types. */
  Map<String, Long> employedByContractType() {
    return Collections.unmodifiableMap(employedByContractType);
  }

  long employedOn(String contractType) {
    return employedByContractType.getOrDefault(contractType, 0L);
  }

  long afisRecipientsPaid() {
    return afisRecipientsPaid;
  }

  long afisPaidCents() {
    return afisPaidCents;
  }

  MonthFigures pathwaysInProgress(long count) {
    pathwaysInProgress = count;
    return this;
  }

  MonthFigures employed(long count) {
    employed = count;
    return this;
  }

  MonthFigures employedOn(String contractType, long count) {
    if (count != 0) {
      employedByContractType.put(contractType, count);
    }
    return this;
  }

  MonthFigures afisPaid(long recipients, long cents) {
    afisRecipientsPaid = recipients;
    afisPaidCents = cents;
    return this;
  }
}
