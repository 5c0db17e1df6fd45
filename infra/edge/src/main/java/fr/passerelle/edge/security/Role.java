package fr.passerelle.edge.security;

/** Who a caller is for the platform (architecture.md, security model). */
public enum Role {
  /** An approved association: its own dossiers only. */
  ASSOCIATION,
  /** The commission's secretariat: sessions, agenda, opinions. */
  SECRETARIAT,
  /** The préfecture: approvals, the préfet's decisions. */
  PREFECTURE,
  /** A paying body (CAF, MSA): the AFIS of its département's beneficiaries. */
  PAYING_BODY,
  /** Inspection: replays histories, reads the access log. */
  AUDITOR,
  /** Ministry analysts: aggregated figures only, never a dossier. */
  ANALYST,
  /** Operators of the platform. */
  ADMIN,
  /**
   * A metrics scraper (Prometheus…): {@code /actuator/prometheus} and {@code /actuator/metrics}.
   */
  MONITORING
}
