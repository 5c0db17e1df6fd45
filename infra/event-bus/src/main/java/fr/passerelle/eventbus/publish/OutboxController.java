package fr.passerelle.eventbus.publish;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' view of a service's outbox. */
@RestController
@RequestMapping("/admin/event-bus/outbox")
public class OutboxController {

  private final OutboxOperations operations;

  public OutboxController(OutboxOperations operations) {
    this.operations = operations;
  }

  @GetMapping
  OutboxOperations.Status status() {
    return operations.status();
  }

  /** Publishes again every event from global index {@code from} (0: the whole store). */
  @PostMapping("/republish")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OutboxOperations.Status republish(@RequestParam long from) {
    operations.republishFrom(from);
    return operations.status();
  }
}
