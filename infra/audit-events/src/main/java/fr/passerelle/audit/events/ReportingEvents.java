package fr.passerelle.audit.events;

/**
 * Where reporting-service publishes: one topic of its own, for the seals of its audit ledger
 * ({@link HistorySealed}). The access log's entries travel on each service's own topic instead.
 */
public final class ReportingEvents {

  public static final String TOPIC = "reporting.events";
  public static final String SOURCE = "/passerelle/reporting-service";

  /** The record key and {@code ce_subject} of a seal: it concerns the whole platform. */
  public static final String NATIONAL = "national";

  private ReportingEvents() {}
}
