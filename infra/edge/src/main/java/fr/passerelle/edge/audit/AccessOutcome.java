package fr.passerelle.edge.audit;

/** What came of a call the access log records. */
public enum AccessOutcome {
  /** Personal data, rights or the access log were read. */
  READ,
  /** Personal data were written. */
  WRITE,
  /** The caller was refused (département, role or association): nothing was read or written. */
  REFUSED
}
