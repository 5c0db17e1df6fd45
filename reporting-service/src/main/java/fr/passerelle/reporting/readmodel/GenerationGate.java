package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.consume.DeliveryGate;
import fr.passerelle.eventbus.consume.DeliveryPostponedException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opens each transaction that applies events to the active generation, on every instance: it takes
 * a shared transaction-level advisory lock, which a switch-over takes exclusively, then points the
 * transaction at the generation active now. A switch-over therefore waits for the deliveries under
 * way, everywhere, and none starts until it has committed; they then write to the new generation.
 * While it holds the lock, deliveries are postponed rather than left waiting with a connection
 * each. A rebuild's own deliveries, on the generation it fills, pass freely.
 */
class GenerationGate implements DeliveryGate {

  /** Writing to the active generation (shared) or switching it (exclusive). */
  static final int SWITCH = 3;

  private final JdbcTemplate jdbc;
  private final SchemaSelector schemas;

  GenerationGate(JdbcTemplate jdbc, SchemaSelector schemas) {
    this.jdbc = jdbc;
    this.schemas = schemas;
  }

  @Override
  public void open() {
    if (schemas.building() != null) {
      return;
    }
    Boolean entered =
        jdbc.queryForObject(
            "SELECT pg_try_advisory_xact_lock_shared(?, ?)",
            Boolean.class,
            AdvisoryLock.NAMESPACE,
            SWITCH);
    if (!Boolean.TRUE.equals(entered)) {
      throw new DeliveryPostponedException("The read models are switching over");
    }
    // read after the lock: a switch-over that committed meanwhile is seen
    if (jdbc.queryForList(GenerationRoutingDataSource.ACTIVE.formatted("true")).isEmpty()) {
      throw new IllegalStateException("No active read-model generation");
    }
  }
}
