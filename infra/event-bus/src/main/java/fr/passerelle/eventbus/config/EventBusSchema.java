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

  public EventBusSchema(DataSource dataSource, boolean eventStore) {
    this.dataSource = dataSource;
    this.eventStore = eventStore;
  }

  @Override
  public void afterPropertiesSet() {
    migrate("inbox");
    if (eventStore) {
      migrate("eventstore");
    }
  }

  private void migrate(String part) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/eventbus/" + part)
        .table("eventbus_" + part + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
