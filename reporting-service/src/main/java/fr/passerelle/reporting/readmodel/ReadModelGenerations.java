package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.config.EventBusSchema;
import fr.passerelle.eventbus.config.SchemaOwner;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generations of the read models, each a PostgreSQL schema ({@code readmodel_g<N>}) holding
 * every read-model table with its own inbox and dead letters. One is ACTIVE: the live consumers
 * write to it and the queries read it. A rebuild fills a BUILDING one from offset 0, then activates
 * it; the one it replaces is RETIRED and kept until dropped.
 *
 * <p>Schemas and tables are created and dropped as the database's {@link SchemaOwner}; the
 * service's own role only reads and writes rows.
 */
public class ReadModelGenerations implements InitializingBean {

  /** A generation and where it stands. */
  public record Generation(int number, String schema, String status) {}

  private final JdbcTemplate jdbc;
  private final SchemaOwner owner;
  private final SchemaSelector schemas;

  public ReadModelGenerations(DataSource dataSource, SchemaOwner owner, SchemaSelector schemas) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.owner = owner;
    this.schemas = schemas;
  }

  /**
   * Creates the first generation on a new database, brings every generation in use up to the latest
   * migrations, and routes connections to the active one.
   */
  @Override
  public void afterPropertiesSet() {
    owner.execute(
        """
        CREATE TABLE IF NOT EXISTS public.read_model_generation (
          generation   INTEGER     PRIMARY KEY,
          schema_name  VARCHAR(63) NOT NULL UNIQUE,
          status       VARCHAR(10) NOT NULL CHECK (status IN ('BUILDING', 'ACTIVE', 'RETIRED')),
          created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
          activated_at TIMESTAMPTZ
        )""");
    if (active() == null) {
      Generation first = create();
      activate(first);
    }
    for (Generation generation : all()) {
      if (!"RETIRED".equals(generation.status())) {
        migrate(generation.schema());
      }
    }
    schemas.activate(active().schema());
  }

  public Generation active() {
    return all().stream().filter(g -> "ACTIVE".equals(g.status())).findFirst().orElse(null);
  }

  public List<Generation> all() {
    return jdbc.query(
        "SELECT generation, schema_name, status FROM public.read_model_generation ORDER BY generation",
        (rs, row) -> new Generation(rs.getInt(1), rs.getString(2), rs.getString(3)));
  }

  /** A new, empty generation: its schema and tables, not yet active. */
  public synchronized Generation create() {
    int number =
        jdbc.queryForObject(
            "SELECT COALESCE(max(generation), 0) + 1 FROM public.read_model_generation",
            Integer.class);
    String schema = SchemaSelector.requireGeneration("readmodel_g" + number);
    jdbc.update(
        "INSERT INTO public.read_model_generation (generation, schema_name, status) VALUES (?, ?, 'BUILDING')",
        number,
        schema);
    migrate(schema);
    return new Generation(number, schema, "BUILDING");
  }

  /** Makes {@code generation} the one read and written; the previous one is retired. */
  public synchronized void activate(Generation generation) {
    jdbc.update(
        "UPDATE public.read_model_generation SET status = 'RETIRED' WHERE status = 'ACTIVE'");
    jdbc.update(
        "UPDATE public.read_model_generation SET status = 'ACTIVE', activated_at = now() WHERE generation = ?",
        generation.number());
    schemas.activate(generation.schema());
  }

  /** Drops a retired generation's schema and everything in it. */
  public synchronized void drop(int number) {
    Generation generation =
        all().stream()
            .filter(g -> g.number() == number && "RETIRED".equals(g.status()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No retired generation " + number));
    owner.execute(
        "DROP SCHEMA " + SchemaSelector.requireGeneration(generation.schema()) + " CASCADE");
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
