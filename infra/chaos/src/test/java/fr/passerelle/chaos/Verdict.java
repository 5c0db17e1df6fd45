package fr.passerelle.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What a history checker found: the effects counted, those lost or applied twice, the dead letters
 * left, and every violation in words.
 */
class Verdict {

  long effects;
  long lost;
  long duplicated;
  long deadLetters;
  final List<String> violations = new ArrayList<>();

  /**
   * One command's effect, found {@code found} times in {@code where}: once if it was answered 2xx,
   * never if 4xx, at most once if its answer was lost.
   */
  void judge(History.Command command, String where, long found) {
    effects += found;
    if (command.ok() && found != 1) {
      if (found == 0) {
        lost++;
      } else {
        duplicated++;
      }
      violations.add(command + " answered 2xx: " + found + " × " + where);
    } else if (command.refused() && found != 0) {
      violations.add(command + " answered 4xx: " + found + " × " + where);
    } else if (command.unknown() && found > 1) {
      duplicated++;
      violations.add(command + " unanswered: " + found + " × " + where);
    }
  }

  /**
   * Each read model against its count recomputed from the event store that feeds it: {@code {table,
   * database, event type}} each.
   */
  void readModelsEqualStores(Databases databases, String generation, List<String[]> models) {
    for (String[] model : models) {
      long reported =
          databases.count("reporting", "select count(*) from " + generation + "." + model[0]);
      long stored = databases.events(model[1], model[2]);
      if (reported != stored) {
        violations.add(
            "reporting's "
                + model[0]
                + " holds "
                + reported
                + " rows, "
                + model[1]
                + "'s store "
                + stored
                + " × "
                + model[2]);
      }
    }
  }

  /** No dead letter left in any service. */
  void noDeadLetters(Databases databases) {
    for (String database : Databases.ALL) {
      long dead = databases.count(database, "select count(*) from eventbus_dead_letter");
      deadLetters += dead;
      if (dead > 0) {
        violations.add(database + ": " + dead + " dead letters left");
      }
    }
  }
}
