package fr.passerelle.eventbus.config;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the tables the event bus owns in a service's database, each part with its own Flyway
 * history table so that its versions never mix with the service's own migrations: the inbox in
 * every consuming service, Axon's event store and tokens in every service that owns aggregates. The
 * migrations run as the {@link SchemaOwner}.
 */
public class EventBusSchema implements InitializingBean {

  private final SchemaOwner owner;
  private final boolean eventStore;
  private final String schema;

  public EventBusSchema(SchemaOwner owner, boolean eventStore) {
    this(owner, eventStore, null);
  }

  /**
   * The bus's tables in {@code schema} (created if missing, and open to the application role)
   * rather than the default one.
   */
  public EventBusSchema(SchemaOwner owner, boolean eventStore, String schema) {
    this.owner = owner;
    this.eventStore = eventStore;
    this.schema = schema;
  }

  @Override
  public void afterPropertiesSet() {
    migrate("inbox");
    if (eventStore) {
      migrate("eventstore");
    }
    if (schema != null) {
      owner.grantUsage(schema);
    }
  }

  private void migrate(String part) {
    var flyway = owner.flyway();
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    flyway
        .locations("classpath:db/eventbus/" + part)
        .table("eventbus_" + part + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
