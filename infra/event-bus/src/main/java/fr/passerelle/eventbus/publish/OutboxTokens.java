package fr.passerelle.eventbus.publish;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox processor's tokens as the token store holds them, read without claiming them: whether
 * the processor runs here, on another instance or not at all, the published position is what was
 * stored last. Also builds a start position in the store's own kind of token, so that a replay
 * compares like with like.
 */
public class OutboxTokens {

  private final JdbcTemplate jdbc;
  private final TokenSchema schema;
  private final Serializer serializer;

  public OutboxTokens(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer) {
    this.jdbc = jdbc;
    this.schema = schema;
    this.serializer = serializer;
  }

  /** The tokens of every segment of the outbox; a segment not started yet has a null token. */
  public List<TrackingToken> stored() {
    String sql =
        "SELECT %s, %s, %s, %s, %s FROM %s WHERE %s = ?"
            .formatted(
                schema.tokenColumn(),
                schema.tokenTypeColumn(),
                schema.timestampColumn(),
                schema.ownerColumn(),
                schema.segmentColumn(),
                schema.tokenTable(),
                schema.processorNameColumn());
    return jdbc.query(
        sql,
        (rs, row) ->
            new GenericTokenEntry<>(
                    rs.getBytes(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    OutboxPublisher.PROCESSING_GROUP,
                    rs.getInt(5),
                    byte[].class)
                .getToken(serializer),
        OutboxPublisher.PROCESSING_GROUP);
  }

  /**
   * The global index up to which every segment has published, or empty when the outbox has not
   * published anything yet (no token, or a segment without one).
   */
  public OptionalLong publishedPosition() {
    List<TrackingToken> tokens = stored();
    if (tokens.isEmpty() || tokens.stream().anyMatch(Objects::isNull)) {
      return OptionalLong.empty();
    }
    long lowest = Long.MAX_VALUE;
    for (TrackingToken token : tokens) {
      OptionalLong position = token.position();
      if (position.isEmpty()) {
        return OptionalLong.empty();
      }
      lowest = Math.min(lowest, position.getAsLong());
    }
    return OptionalLong.of(lowest);
  }

  /**
   * A token just before global index {@code fromIndex}, of the same kind as {@code head} (the
   * store's head token). A gap-aware token keeps the gaps the stored tokens still wait for below
   * that index, so an event whose transaction was still open is not forgotten by the replay.
   *
   * @throws IllegalStateException if the store uses a kind of token the outbox cannot position
   */
  public TrackingToken before(long fromIndex, TrackingToken head) {
    long index = fromIndex - 1;
    TrackingToken kind = WrappedToken.unwrapLowerBound(head);
    if (kind instanceof GapAwareTrackingToken) {
      SortedSet<Long> gaps = new TreeSet<>();
      for (TrackingToken token : stored()) {
        TrackingToken stored = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (stored instanceof GapAwareTrackingToken gapAware) {
          gaps.addAll(gapAware.getGaps().headSet(index));
        }
      }
      return GapAwareTrackingToken.newInstance(index, gaps);
    }
    if (kind instanceof GlobalSequenceTrackingToken) {
      return new GlobalSequenceTrackingToken(index);
    }
    throw new IllegalStateException(
        "The event store's tokens cannot be positioned at an index: " + head);
  }
}
