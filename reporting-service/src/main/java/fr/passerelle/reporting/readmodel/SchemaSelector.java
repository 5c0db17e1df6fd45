package fr.passerelle.reporting.readmodel;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which generation of the read models a thread works on: the one a rebuild thread is filling, or
 * else the active one, which is not kept here but read from the database by each connection ({@link
 * GenerationRoutingDataSource}), so that every instance follows a switch-over at once.
 */
public class SchemaSelector {

  private static final Pattern GENERATION_SCHEMA = Pattern.compile("readmodel_g[0-9]{1,6}");

  private final ThreadLocal<String> building = new ThreadLocal<>();
  private volatile boolean registryReady;

  /** The generation this thread is building, or null: it works on the active one. */
  public String building() {
    return building.get();
  }

  /** Whether the registry of generations exists yet (it does once the service has started). */
  boolean registryReady() {
    return registryReady;
  }

  void registryIsReady() {
    this.registryReady = true;
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
