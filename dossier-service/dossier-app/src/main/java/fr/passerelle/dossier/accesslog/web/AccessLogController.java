package fr.passerelle.dossier.accesslog.web;

import fr.passerelle.dossier.accesslog.AccessLogEntry;
import fr.passerelle.dossier.accesslog.PersonalDataAccessLog;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.FieldError;
import fr.passerelle.edge.InvalidRequestException;
import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors read who read which person's identity in their département. */
@RestController
class AccessLogController {

  static final int MAX_LIMIT = 1000;

  private final PersonalDataAccessLog log;
  private final Access access;

  AccessLogController(PersonalDataAccessLog log, Access access) {
    this.log = log;
    this.access = access;
  }

  @GetMapping("/api/departements/{departmentCode}/access-log")
  List<AccessLogEntry> entries(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String dossierId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    access.require(departmentCode, Role.AUDITOR);
    String department = DepartmentCode.require(departmentCode);
    List<FieldError> errors = new ArrayList<>();
    if (limit < 1 || limit > MAX_LIMIT) {
      errors.add(FieldError.of("limit", "entre 1 et " + MAX_LIMIT));
    }
    if (offset < 0) {
      errors.add(FieldError.of("offset", "ne peut pas être négatif"));
    }
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(FieldError.of("to", "doit suivre from"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return log.entries(department, blankToNull(dossierId), from, to, limit, offset);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
