package fr.passerelle.reporting.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuilds of the read models as the database keeps them ({@code public.read_model_rebuild}):
 * every instance reads the same progress, and an interrupted rebuild is still known after a
 * restart.
 */
class RebuildRecords {

  /** A rebuild as recorded. {@code remaining}: records its consumers had still to read. */
  record Rebuild(
      int generation,
      String status,
      Long remaining,
      ReadModelRebuild.DeadLetters deadLetters,
      Instant startedAt,
      Instant checkedAt,
      Instant endedAt,
      String error) {}

  private final JdbcTemplate jdbc;

  RebuildRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a rebuild of {@code generation} as under way (again, if it was interrupted). */
  void building(int generation) {
    jdbc.update(
        """
        INSERT INTO public.read_model_rebuild (generation, status) VALUES (?, 'BUILDING')
        ON CONFLICT (generation) DO UPDATE SET status = 'BUILDING', ended_at = NULL, error = NULL
        """,
        generation);
  }

  void progressed(int generation, long remaining, ReadModelRebuild.DeadLetters letters) {
    jdbc.update(
        """
        UPDATE public.read_model_rebuild
        SET remaining = ?, failed_letters = ?, parked_letters = ?, checked_at = now(), error = NULL
        WHERE generation = ?
        """,
        remaining,
        letters.failed(),
        letters.parked(),
        generation);
  }

  /** The dead letters now in the schema of a generation. */
  ReadModelRebuild.DeadLetters deadLettersOf(String schema) {
    return jdbc.queryForObject(
        ("SELECT count(*) FILTER (WHERE status = 'FAILED'), count(*) FILTER (WHERE status = 'PARKED')"
                + " FROM %s.eventbus_dead_letter")
            .formatted(SchemaSelector.requireGeneration(schema)),
        (rs, row) -> new ReadModelRebuild.DeadLetters(rs.getInt(1), rs.getInt(2)));
  }

  void failedCheck(int generation, String error) {
    jdbc.update(
        "UPDATE public.read_model_rebuild SET error = ?, checked_at = now() WHERE generation = ?",
        error,
        generation);
  }

  /** The rebuild ended: {@code SWITCHED} (its generation is active) or {@code ABANDONED}. */
  void ended(int generation, String status) {
    jdbc.update(
        """
        INSERT INTO public.read_model_rebuild (generation, status, ended_at) VALUES (?, ?, now())
        ON CONFLICT (generation) DO UPDATE
          SET status = EXCLUDED.status, ended_at = now(),
              remaining = CASE WHEN EXCLUDED.status = 'SWITCHED' THEN 0
                               ELSE read_model_rebuild.remaining END
        """,
        generation,
        status);
  }

  /** The latest rebuild, if any. */
  Optional<Rebuild> latest() {
    return jdbc
        .query(
            "SELECT * FROM public.read_model_rebuild ORDER BY started_at DESC, generation DESC"
                + " LIMIT 1",
            RebuildRecords::rebuild)
        .stream()
        .findFirst();
  }

  private static Rebuild rebuild(ResultSet rs, int row) throws SQLException {
    long remaining = rs.getLong("remaining");
    return new Rebuild(
        rs.getInt("generation"),
        rs.getString("status"),
        rs.wasNull() ? null : remaining,
        new ReadModelRebuild.DeadLetters(rs.getInt("failed_letters"), rs.getInt("parked_letters")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("checked_at")),
        instant(rs.getTimestamp("ended_at")),
        rs.getString("error"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
