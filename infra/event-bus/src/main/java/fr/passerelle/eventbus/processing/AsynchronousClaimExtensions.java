package fr.passerelle.eventbus.processing;

import fr.passerelle.eventbus.AsynchronousCommit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's token store, whose claim extensions commit {@linkplain AsynchronousCommit
 * asynchronously}. A tracking processor with nothing to read extends its segments' claims once a
 * second, each in a transaction of its own: with eleven processors across the services, about ten
 * durable commits a second on a quiet platform, each a flush of the WAL that the commands' commits
 * share the disk with (ADR 61). A claim is a lease the owner renews: one that a database crash
 * loses is renewed at the next extension, or taken over once it expires, as after a stop. Tokens,
 * claims and releases are stored as before.
 */
public final class AsynchronousClaimExtensions implements TokenStore {

  private final TokenStore tokens;
  private final Supplier<JdbcTemplate> jdbc;

  /**
   * @param jdbc takes part in the transactions the processors extend their claims in
   */
  public AsynchronousClaimExtensions(TokenStore tokens, Supplier<JdbcTemplate> jdbc) {
    this.tokens = tokens;
    this.jdbc = jdbc;
  }

  @Override
  public void extendClaim(String processorName, int segment) {
    AsynchronousCommit.forThisTransaction(jdbc.get());
    tokens.extendClaim(processorName, segment);
  }

  @Override
  public void initializeTokenSegments(String processorName, int segmentCount) {
    tokens.initializeTokenSegments(processorName, segmentCount);
  }

  @Override
  public void initializeTokenSegments(
      String processorName, int segmentCount, TrackingToken initialToken) {
    tokens.initializeTokenSegments(processorName, segmentCount, initialToken);
  }

  @Override
  public void storeToken(TrackingToken token, String processorName, int segment) {
    tokens.storeToken(token, processorName, segment);
  }

  @Override
  public TrackingToken fetchToken(String processorName, int segment) {
    return tokens.fetchToken(processorName, segment);
  }

  @Override
  public TrackingToken fetchToken(String processorName, Segment segment) {
    return tokens.fetchToken(processorName, segment);
  }

  @Override
  public void releaseClaim(String processorName, int segment) {
    tokens.releaseClaim(processorName, segment);
  }

  @Override
  public void initializeSegment(TrackingToken token, String processorName, int segment) {
    tokens.initializeSegment(token, processorName, segment);
  }

  @Override
  public void deleteToken(String processorName, int segment) {
    tokens.deleteToken(processorName, segment);
  }

  @Override
  public boolean requiresExplicitSegmentInitialization() {
    return tokens.requiresExplicitSegmentInitialization();
  }

  @Override
  public int[] fetchSegments(String processorName) {
    return tokens.fetchSegments(processorName);
  }

  @Override
  public List<Segment> fetchAvailableSegments(String processorName) {
    return tokens.fetchAvailableSegments(processorName);
  }

  @Override
  public Optional<String> retrieveStorageIdentifier() {
    return tokens.retrieveStorageIdentifier();
  }
}
