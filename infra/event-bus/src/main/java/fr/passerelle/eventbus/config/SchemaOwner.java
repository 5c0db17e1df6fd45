package fr.passerelle.eventbus.config;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where a service's schema changes run: as the role that owns its database, never as the role it
 * serves requests with. The owner's credentials are Spring's own {@code spring.flyway.user} and
 * {@code spring.flyway.password} (and {@code spring.flyway.url} when set); without them schema
 * changes run on the service's datasource, as in tests where one role is both.
 *
 * <p>Every migration, Spring's and the programmatic ones (the event bus's tables, reporting's
 * read-model generations), runs through here, so that the application role only ever gets what the
 * owner grants it: rows of the tables through the owner's default privileges, and {@link
 * #grantUsage(String) use of each schema} the owner creates. Migrations may name that role as the
 * Flyway placeholder {@code ${appRole}}, e.g. to make a table append-only.
 */
public final class SchemaOwner {

  /** The Flyway placeholder that names the application role in a migration. */
  public static final String APPLICATION_ROLE_PLACEHOLDER = "appRole";

  private final DataSource owner;
  private final String applicationRole;
  private final boolean separate;

  private SchemaOwner(DataSource owner, String applicationRole, boolean separate) {
    this.owner = owner;
    this.applicationRole = applicationRole;
    this.separate = separate;
  }

  /**
   * The owner configured in {@code environment}, for a service whose requests use {@code
   * application}.
   */
  public static SchemaOwner of(DataSource application, Environment environment) {
    String applicationRole =
        new JdbcTemplate(application).queryForObject("SELECT current_user", String.class);
    String user = environment.getProperty("spring.flyway.user");
    if (user == null || user.isBlank()) {
      return new SchemaOwner(application, applicationRole, false);
    }
    String url =
        environment.getProperty(
            "spring.flyway.url", environment.getRequiredProperty("spring.datasource.url"));
    return new SchemaOwner(
        new DriverManagerDataSource(
            url, user, environment.getProperty("spring.flyway.password", "")),
        applicationRole,
        !user.equals(applicationRole));
  }

  /** Connections as the owner. */
  public DataSource dataSource() {
    return owner;
  }

  /** The role the service's requests use (the datasource's), named {@code ${appRole}}. */
  public String applicationRole() {
    return applicationRole;
  }

  /** Flyway, connected as the owner, with {@code ${appRole}} set. */
  public FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(owner)
        .placeholders(Map.of(APPLICATION_ROLE_PLACEHOLDER, applicationRole));
  }

  /** Runs {@code sql} (a schema change) as the owner. */
  public void execute(String sql) {
    new JdbcTemplate(owner).execute(sql);
  }

  /**
   * Lets the application role use {@code schema}, which the owner made: its tables' rows come from
   * the owner's default privileges, the schema itself does not.
   */
  public void grantUsage(String schema) {
    if (separate) {
      execute("GRANT USAGE ON SCHEMA " + identifier(schema) + " TO " + identifier(applicationRole));
    }
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
