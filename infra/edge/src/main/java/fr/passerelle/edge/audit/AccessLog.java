package fr.passerelle.edge.audit;

/**
 * Where a service records the calls auditors must be able to see: reads and writes of personal
 * data, reads of rights and of the access log itself, and refused attempts. A read is recorded in
 * the read's own transaction (no data leaves without its entry); a refusal in its own.
 */
@FunctionalInterface
public interface AccessLog {

  void record(AccessEntry entry);
}
