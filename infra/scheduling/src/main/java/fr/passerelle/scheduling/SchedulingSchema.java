package fr.passerelle.scheduling;

import fr.passerelle.eventbus.config.SchemaOwner;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the scheduler's table as the database's {@link SchemaOwner}, with a history table of its
 * own so that its versions never mix with the service's migrations; the service's role then only
 * reads and writes its rows.
 */
public class SchedulingSchema implements InitializingBean {

  private final SchemaOwner owner;

  public SchedulingSchema(SchemaOwner owner) {
    this.owner = owner;
  }

  @Override
  public void afterPropertiesSet() {
    owner
        .flyway()
        .locations("classpath:db/scheduling")
        .table("scheduling_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
