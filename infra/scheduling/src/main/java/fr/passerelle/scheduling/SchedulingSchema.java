package fr.passerelle.scheduling;

import fr.passerelle.eventbus.config.SchemaOwner;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the scheduler's table as the database's {@link SchemaOwner}, with a history table of its
 * own so that its versions never mix with the service's migrations; the service's role then only
 * reads and writes its rows. Always in {@code public}: a service whose connections search other
 * schemas first (reporting's read-model generations) must not get it in one of them.
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
        .schemas("public")
        .defaultSchema("public")
        .locations("classpath:db/scheduling")
        .table("scheduling_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
