package fr.passerelle.audit.events;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log: a read or write of personal data (identities, a beneficiary's
 * rights, the access log itself), or a refused attempt. Says who acted (the token's subject, roles
 * and association: staff of the platform, never the person concerned), on which dossier of which
 * département, through which route, with what outcome and under which request. Nothing of the
 * person whose data it is.
 *
 * @param accessId unique id of the entry
 * @param recordedAt when the call was made
 * @param subject the caller's token subject
 * @param roles the caller's roles
 * @param associationId the caller's association, for an association member
 * @param departmentCode the département of the call, absent for a national route
 * @param dossierId the dossier concerned, absent for a call on no single dossier
 * @param operation the route's operation, as docs/security.md names it
 * @param method the HTTP method
 * @param path the route's path template (the values are in the fields above)
 * @param outcome READ, WRITE or REFUSED
 * @param refusal why a refused call was refused: DEPARTEMENT, ROLE or ASSOCIATION
 * @param requestId the request's id, to find its log lines
 */
public record AccessRecorded(
    String accessId,
    Instant recordedAt,
    String subject,
    List<String> roles,
    String associationId,
    String departmentCode,
    String dossierId,
    String operation,
    String method,
    String path,
    Outcome outcome,
    String refusal,
    String requestId) {

  public static final String TYPE = "passerelle.audit.access-recorded.v1";

  /** What came of the call. */
  public enum Outcome {
    READ,
    WRITE,
    REFUSED
  }

  /**
   * The record key and {@code ce_subject}: the dossier when there is one, else the département,
   * else the whole platform, so that one dossier's entries stay in order in one partition. A blank
   * id counts as none: a refused call may name a dossier " " in its path, and its entry must still
   * be published rather than stall the outbox behind it.
   */
  public String subjectKey() {
    if (dossierId != null && !dossierId.isBlank()) {
      return dossierId;
    }
    return departmentCode != null && !departmentCode.isBlank()
        ? "departement:" + departmentCode
        : "national";
  }
}
