package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.eventbus.config.EventBusSchema;
import fr.passerelle.eventbus.config.SchemaOwner;
import fr.passerelle.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A service's database migrated by a released version starts with this one: the event bus's
 * migrations that were released (kept here as they were, in {@code db/released}) are never changed
 * nor renumbered, and the new ones follow them.
 */
class ReleasedMigrationsIT {

  @Test
  void anEventStoreMigratedByTheReleasedVersionIsMigratedFurther() {
    var infrastructure = TestInfrastructure.get();
    var dataSource =
        new DriverManagerDataSource(
            infrastructure.jdbcUrl("eventbus_released_migrations"),
            infrastructure.username(),
            infrastructure.password());
    SchemaOwner owner = SchemaOwner.of(dataSource, new MockEnvironment());
    var jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("DROP SCHEMA public CASCADE");
    jdbc.execute("CREATE SCHEMA public");
    owner
        .flyway()
        .locations("classpath:db/released/eventstore")
        .table("eventbus_eventstore_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();

    new EventBusSchema(owner, true).afterPropertiesSet();

    assertThat(
            jdbc.queryForList(
                "SELECT version || ' ' || description FROM eventbus_eventstore_schema_history"
                    + " WHERE success AND type = 'SQL' ORDER BY installed_rank",
                String.class))
        .containsExactly("1 axon event store", "2 append only", "3 outbox blocked and skipped");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM eventbus_outbox_skipped", Long.class))
        .isZero();
  }
}
