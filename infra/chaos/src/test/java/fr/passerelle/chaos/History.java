package fr.passerelle.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every command sent during the run and what its client was told. */
final class History {

  /** The commands of a pathway, each with the event it must leave in a store. */
  enum Kind {
    DRAFT,
    SUBMIT,
    AGENDA,
    OPINION,
    AUTHORISE,
    EMPLOYMENT
  }

  /**
   * One command: its kind, the dossier it concerns (null for a draft whose answer was lost), and
   * the status its client got (0: no answer).
   */
  record Command(Kind kind, String dossierId, int status) {
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
    commands.add(new Command(kind, dossierId, status));
  }

  int size() {
    return commands.size();
  }

  List<Command> all() {
    return new ArrayList<>(commands);
  }
}
