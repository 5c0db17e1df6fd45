package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.config.EventBusSchema;
import fr.passerelle.eventbus.config.SchemaOwner;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generations of the read models, each a PostgreSQL schema ({@code readmodel_g<N>}) holding
 * every read-model table with its own inbox and dead letters. One is ACTIVE: the live consumers
 * write to it and the queries read it. A rebuild fills a BUILDING one from offset 0, then activates
 * it; the one it replaces is RETIRED and kept until dropped. The state is in the database only,
 * shared by every instance of the service.
 *
 * <p>Schemas and tables are created and dropped as the database's {@link SchemaOwner}; the
 * service's own role only reads and writes rows.
 */
public class ReadModelGenerations implements InitializingBean {

  /** A generation and where it stands. */
  public record Generation(int number, String schema, String status) {}

  private static final Logger log = LoggerFactory.getLogger(ReadModelGenerations.class);

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final SchemaOwner owner;
  private final SchemaSelector schemas;
  private final TransactionTemplate transaction;

  public ReadModelGenerations(
      DataSource dataSource,
      SchemaOwner owner,
      SchemaSelector schemas,
      PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.owner = owner;
    this.schemas = schemas;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Brings the registry up to date, makes sure one generation is active (creating the first on a
   * new database, recovering an interrupted activation), migrates every generation in use, and
   * routes connections to the active one. Instances starting together take turns.
   */
  @Override
  public void afterPropertiesSet() {
    try (var lock = AdvisoryLock.session(dataSource, AdvisoryLock.START_UP)) {
      flyway()
          .schemas("public")
          .defaultSchema("public")
          .locations("classpath:db/readmodel-registry")
          .table("readmodel_registry_schema_history")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      if (active() == null) {
        recover();
      }
      for (Generation generation : all()) {
        if (!"RETIRED".equals(generation.status())) {
          migrate(generation.schema());
        }
      }
    }
    schemas.registryIsReady();
  }

  /**
   * A database without an active generation: a new one gets its first generation, active at once;
   * one whose activation was interrupted (by a version that activated in two steps) gets back the
   * generation that was active last, whose tables and consumer offsets agree, rather than an empty
   * one. A rebuild's generation left BUILDING stays so, to be resumed or dropped.
   */
  private void recover() {
    List<Generation> generations = all();
    if (generations.isEmpty()) {
      Generation first = insert(nextNumber(), "ACTIVE");
      log.info("New database: read-model generation {} created and active", first.number());
      return;
    }
    Generation previous =
        jdbc
            .query(
                """
                SELECT generation, schema_name, status FROM public.read_model_generation
                WHERE activated_at IS NOT NULL ORDER BY activated_at DESC, generation DESC LIMIT 1
                """,
                ReadModelGenerations::generation)
            .stream()
            .findFirst()
            // none was ever activated: the first start stopped before its activation
            .orElse(generations.get(0));
    log.warn(
        "No active read-model generation (an activation was interrupted): generation {}, the last"
            + " one active, is active again",
        previous.number());
    activate(previous);
  }

  /** The generation read and written now. */
  public Generation active() {
    return all().stream().filter(g -> "ACTIVE".equals(g.status())).findFirst().orElse(null);
  }

  public List<Generation> all() {
    return jdbc.query(
        "SELECT generation, schema_name, status FROM public.read_model_generation ORDER BY generation",
        ReadModelGenerations::generation);
  }

  private static Generation generation(ResultSet rs, int row) throws SQLException {
    return new Generation(rs.getInt(1), rs.getString(2), rs.getString(3));
  }

  /** A new, empty generation: its schema and tables, not yet active. */
  public Generation create() {
    Generation generation = insert(nextNumber(), "BUILDING");
    migrate(generation.schema());
    return generation;
  }

  private int nextNumber() {
    return jdbc.queryForObject(
        "SELECT nextval('public.read_model_generation_number')", Integer.class);
  }

  private Generation insert(int number, String status) {
    String schema = SchemaSelector.requireGeneration("readmodel_g" + number);
    jdbc.update(
        "INSERT INTO public.read_model_generation (generation, schema_name, status, activated_at)"
            + " VALUES (?, ?, ?, CASE WHEN ? = 'ACTIVE' THEN now() END)",
        number,
        schema,
        status,
        status);
    return new Generation(number, schema, status);
  }

  /**
   * Makes {@code generation} the one read and written, and retires the previous one, in one
   * transaction (the caller's, if any): a crash leaves either the old one active or the new one,
   * never none. Every instance's next connection reads the new one.
   */
  public void activate(Generation generation) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.update(
              "UPDATE public.read_model_generation SET status = 'RETIRED'"
                  + " WHERE status = 'ACTIVE' AND generation <> ?",
              generation.number());
          int activated =
              jdbc.update(
                  "UPDATE public.read_model_generation SET status = 'ACTIVE', activated_at = now()"
                      + " WHERE generation = ?",
                  generation.number());
          if (activated != 1) {
            throw new IllegalStateException("No generation " + generation.number());
          }
        });
  }

  /** The generation {@code number}, if it exists. */
  public Optional<Generation> find(int number) {
    return all().stream().filter(g -> g.number() == number).findFirst();
  }

  /**
   * Drops a generation that is not active (retired, or a rebuild's abandoned one): its schema and
   * everything in it, and its entry.
   *
   * @throws java.util.NoSuchElementException if there is no such generation
   * @throws IllegalStateException if it is the active one
   */
  public void drop(int number) {
    Generation generation = find(number).orElseThrow();
    if ("ACTIVE".equals(generation.status())) {
      throw new IllegalStateException("Generation " + number + " is active");
    }
    // as the owner, who made it; the entry goes after, so a crash in between leaves an entry
    // whose schema is gone, which dropping again removes
    owner.execute(
        "DROP SCHEMA IF EXISTS "
            + SchemaSelector.requireGeneration(generation.schema())
            + " CASCADE");
    jdbc.update("DELETE FROM public.read_model_generation WHERE generation = ?", number);
  }

  /** The read-model tables (not the inbox, dead letters or migration history). */
  public List<String> tables(String schema) {
    return jdbc.queryForList(
        """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = ? AND table_type = 'BASE TABLE'
          AND table_name NOT LIKE 'eventbus\\_%' AND table_name NOT LIKE '%schema\\_history'
        ORDER BY table_name""",
        String.class, schema);
  }

  /** Flyway as the database's owner, for the registry and each generation. */
  private FluentConfiguration flyway() {
    return owner.flyway();
  }

  private void migrate(String schema) {
    new EventBusSchema(owner, false, schema).afterPropertiesSet();
    owner
        .flyway()
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/readmodel")
        .table("readmodel_schema_history")
        // the event bus's tables are there already, under their own history
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
