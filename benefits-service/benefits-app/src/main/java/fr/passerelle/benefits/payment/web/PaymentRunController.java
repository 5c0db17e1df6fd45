package fr.passerelle.benefits.payment.web;

import fr.passerelle.benefits.beneficiary.command.NoAfisScaleException;
import fr.passerelle.benefits.payment.api.ConfirmPaymentRunCommand;
import fr.passerelle.benefits.payment.api.FindPaymentPreviewQuery;
import fr.passerelle.benefits.payment.api.FindPaymentRunQuery;
import fr.passerelle.benefits.payment.api.FindPaymentRunsQuery;
import fr.passerelle.benefits.payment.api.PaymentPreview;
import fr.passerelle.benefits.payment.api.PaymentRunView;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.command.Commands;
import fr.passerelle.edge.refusal.InvalidRequestException;
import fr.passerelle.edge.refusal.NotFoundException;
import fr.passerelle.edge.route.AccessRecorder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The paying body's monthly AFIS payment runs, per département: previewed, then confirmed; a
 * confirmed run pays in the background, line by line, and is followed by its id. A month with no
 * scale in force, or still to come, is refused before anything is scheduled.
 */
@RestController
class PaymentRunController {

  static final String RUNS = "/api/departements/{departmentCode}/rights/payment-runs";

  private final Commands commands;
  private final QueryGateway queries;
  private final AccessRecorder accessLog;
  private final Clock clock;

  PaymentRunController(
      Commands commands, QueryGateway queries, AccessRecorder accessLog, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  /** What a run of {@code month} would pay now; each beneficiary listed is an access logged. */
  @GetMapping(RUNS + "/preview")
  @Transactional
  PaymentPreview preview(
      @PathVariable String departmentCode, @RequestParam(required = false) String month) {
    PaymentPreview preview = preview(departmentCode, payable(departmentCode, month));
    preview.lines().forEach(line -> accessLog.read(line.dossierId()));
    return preview;
  }

  /** Confirms the run of the month: 202, the run pays in the background. */
  @PostMapping(RUNS)
  @Transactional
  ResponseEntity<PaymentRunView> confirm(
      @PathVariable String departmentCode, @Valid @RequestBody RunRequest request) {
    YearMonth month = payable(departmentCode, request.month());
    PaymentPreview preview = preview(departmentCode, month);
    String runId = UUID.randomUUID().toString();
    LocalDate today = DepartmentCode.today(departmentCode, clock);
    List<String> dossierIds = preview.lines().stream().map(PaymentPreview.Line::dossierId).toList();
    commands.send(new ConfirmPaymentRunCommand(runId, departmentCode, month, today, dossierIds));
    dossierIds.forEach(accessLog::written);
    return ResponseEntity.accepted()
        .location(URI.create(RUNS.replace("{departmentCode}", departmentCode) + "/" + runId))
        .body(
            new PaymentRunView(
                runId,
                departmentCode,
                month,
                today,
                "RUNNING",
                dossierIds.size(),
                0,
                0,
                0,
                List.of()));
  }

  /** A run and its lines so far; each beneficiary listed is an access logged. */
  @GetMapping(RUNS + "/{runId}")
  @Transactional
  PaymentRunView run(@PathVariable String departmentCode, @PathVariable String runId) {
    PaymentRunView run =
        queries
            .query(
                new FindPaymentRunQuery(departmentCode, runId),
                ResponseTypes.optionalInstanceOf(PaymentRunView.class))
            .join()
            .orElseThrow(
                () -> new NotFoundException("Aucun versement de ce numéro dans ce département."));
    run.lines().forEach(line -> accessLog.read(line.dossierId()));
    return run;
  }

  @GetMapping(RUNS)
  List<PaymentRunView> runs(
      @PathVariable String departmentCode, @RequestParam(required = false) String month) {
    return queries
        .query(
            new FindPaymentRunsQuery(departmentCode, month(month)),
            ResponseTypes.multipleInstancesOf(PaymentRunView.class))
        .join();
  }

  /** A month to pay: well formed and begun in the département. */
  private YearMonth payable(String departmentCode, String value) {
    YearMonth month = month(value);
    if (month.isAfter(YearMonth.from(DepartmentCode.today(departmentCode, clock)))) {
      throw InvalidRequestException.of(
          "month", "ne peut pas être dans le futur : un mois se verse une fois commencé");
    }
    return month;
  }

  private static YearMonth month(String value) {
    if (value == null) {
      throw InvalidRequestException.of("month", "obligatoire");
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of("month", "mois attendu au format AAAA-MM");
    }
  }

  private PaymentPreview preview(String departmentCode, YearMonth month) {
    try {
      return queries
          .query(
              new FindPaymentPreviewQuery(departmentCode, month),
              ResponseTypes.instanceOf(PaymentPreview.class))
          .join();
    } catch (CompletionException e) {
      // the query bus wraps what the preview threw: a month without a scale is the caller's to know
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof NoAfisScaleException noScale) {
          throw noScale;
        }
      }
      throw e;
    }
  }

  /** The month to pay, {@code 2023-01}. */
  record RunRequest(@NotNull(message = "obligatoire") String month) {}
}
