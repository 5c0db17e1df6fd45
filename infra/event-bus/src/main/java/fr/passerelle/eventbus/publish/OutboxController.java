package fr.passerelle.eventbus.publish;

import fr.passerelle.edge.Problems;
import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' view of a service's outbox. */
@RestController
@RequestMapping("/admin/event-bus/outbox")
public class OutboxController {

  private final OutboxOperations operations;

  public OutboxController(OutboxOperations operations) {
    this.operations = operations;
  }

  /** The outbox's progress and the events it is stopped on, if any. */
  @GetMapping
  OutboxOperations.Status status() {
    return operations.status();
  }

  /** Every event an operator skipped, with who and when. */
  @GetMapping("/skipped")
  List<BlockedEvents.Skipped> skipped() {
    return operations.skipped();
  }

  /**
   * Lets the outbox go past an event it cannot publish, without publishing it; recorded with the
   * operator's identity (their token's subject). An event the outbox is not stopped on is a 404.
   */
  @PostMapping("/blocked/{eventId}/skip")
  ResponseEntity<?> skip(@PathVariable String eventId, Principal operator) {
    return operations
        .skip(eventId, operator.getName())
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(
                        Problems.of(
                            HttpStatus.NOT_FOUND,
                            "L'outbox n'est pas arrêtée sur l'événement " + eventId + ".")));
  }

  /**
   * Publishes again every event from global index {@code from} (0: the whole store). A missing,
   * unreadable or out-of-range index is a 400 problem and changes nothing.
   */
  @PostMapping("/republish")
  ResponseEntity<?> republish(@RequestParam(required = false) String from) {
    long index = index(from);
    try {
      operations.republishFrom(index);
    } catch (OutboxOperations.InvalidRepublicationException e) {
      throw new InvalidRequestException(
          FieldError.of(
              "from",
              e.last() < 0
                  ? "le magasin d'événements est vide : seul 0 est admis"
                  : "doit être compris entre 0 et "
                      + e.last()
                      + ", index du dernier événement enregistré"));
    } catch (OutboxOperations.OutboxBusyException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(
              Problems.of(
                  HttpStatus.CONFLICT,
                  "L'outbox est traitée par une autre instance du service : relancez la demande"
                      + " sur celle-ci."));
    }
    return ResponseEntity.accepted().body(operations.status());
  }

  private static long index(String from) {
    if (from == null || from.isBlank()) {
      throw new InvalidRequestException(
          FieldError.of("from", "obligatoire : l'index global à partir duquel republier"));
    }
    try {
      return Long.parseLong(from.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          FieldError.of("from", "doit être un entier positif ou nul"));
    }
  }
}
