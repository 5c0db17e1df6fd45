package fr.passerelle.reporting.readmodel;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which generation of the read models a connection works on: the active one, unless the current
 * thread is building another.
 */
public class SchemaSelector {

  private static final Pattern GENERATION_SCHEMA = Pattern.compile("readmodel_g[0-9]{1,6}");

  private volatile String active = "public";
  private final ThreadLocal<String> building = new ThreadLocal<>();

  /** The schema this thread's connections work on. */
  public String current() {
    String schema = building.get();
    return schema != null ? schema : active;
  }

  public String active() {
    return active;
  }

  void activate(String schema) {
    this.active = requireGeneration(schema);
  }

  /** Runs {@code work} with this thread's connections on {@code schema}. */
  public <T> T within(String schema, Supplier<T> work) {
    String previous = building.get();
    building.set(requireGeneration(schema));
    try {
      return work.get();
    } finally {
      if (previous == null) {
        building.remove();
      } else {
        building.set(previous);
      }
    }
  }

  static String requireGeneration(String schema) {
    if (!GENERATION_SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("Not a read-model generation: " + schema);
    }
    return schema;
  }
}
