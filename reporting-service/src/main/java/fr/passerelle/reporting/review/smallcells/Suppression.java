package fr.passerelle.reporting.review.smallcells;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which cells of a table are not published: those under the threshold ({@code primary}) and those
 * withheld so that they cannot be recovered from what is published ({@code suppressed} holds both).
 */
public record Suppression(int threshold, Set<String> primary, Set<String> suppressed) {

  /** Nothing withheld: what the département's own staff read. */
  public static final Suppression NONE = new Suppression(0, Set.of(), Set.of());

  public Suppression {
    primary = Set.copyOf(primary);
    suppressed = Set.copyOf(suppressed);
  }

  public boolean isSuppressed(String cell) {
    return suppressed.contains(cell);
  }

  /** Whether any of {@code cells} is withheld (so is whatever is computed from them). */
  public boolean anySuppressed(String... cells) {
    for (String cell : cells) {
      if (suppressed.contains(cell)) {
        return true;
      }
    }
    return false;
  }

  /** The value of a published cell, or null when it is withheld. */
  public Long published(String cell, long value) {
    return suppressed.contains(cell) ? null : value;
  }

  /** The withheld cells, in a stable order. */
  public Set<String> sorted() {
    return new TreeSet<>(suppressed);
  }
}
