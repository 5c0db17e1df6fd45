package fr.passerelle.eventbus.config;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the tables the event bus owns in a service's database, each part with its own Flyway
 * history table so that its versions never mix with the service's own migrations: the inbox in
 * every consuming service, Axon's event store and tokens in every service that owns aggregates.
 */
public class EventBusSchema implements InitializingBean {

  private final DataSource dataSource;
  private final boolean eventStore;
  private final String schema;

  public EventBusSchema(DataSource dataSource, boolean eventStore) {
    this(dataSource, eventStore, null);
  }

  /** The bus's tables in {@code schema} (created if missing) rather than the default one. */
  public EventBusSchema(DataSource dataSource, boolean eventStore, String schema) {
    this.dataSource = dataSource;
    this.eventStore = eventStore;
    this.schema = schema;
  }

  @Override
  public void afterPropertiesSet() {
    migrate("inbox");
    if (eventStore) {
      migrate("eventstore");
    }
  }

  private void migrate(String part) {
    var flyway = Flyway.configure();
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    flyway
        .dataSource(dataSource)
        .locations("classpath:db/eventbus/" + part)
        .table("eventbus_" + part + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
