package fr.passerelle.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every command sent during the run and what its client was told. */
final class History {

  /** The commands of a pathway and of the paying body, each with the effects it must leave. */
  enum Kind {
    DRAFT,
    SUBMIT,
    AGENDA,
    OPINION,
    AUTHORISE,
    EMPLOYMENT,
    AFIS_REQUEST,
    AFIS_DECISION,
    RENEWAL_REQUEST,
    RENEWAL_AGENDA,
    RENEWAL_OPINION,
    RENEW,
    END,
    PAYMENT_RUN
  }

  /**
   * One command: its kind, the dossier it concerns (null for a draft whose answer was lost, and for
   * a payment run), the payment run it confirmed (its id when answered 2xx), and the status its
   * client got (0: no answer).
   */
  record Command(Kind kind, String dossierId, String runId, int status) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean refused() {
      return status >= 400 && status < 500;
    }

    boolean unknown() {
      return !ok() && !refused();
    }
  }

  private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();

  void record(Kind kind, String dossierId, int status) {
    commands.add(new Command(kind, dossierId, null, status));
  }

  void recordRun(String runId, int status) {
    commands.add(new Command(Kind.PAYMENT_RUN, null, runId, status));
  }

  int size() {
    return commands.size();
  }

  List<Command> all() {
    return new ArrayList<>(commands);
  }
}
