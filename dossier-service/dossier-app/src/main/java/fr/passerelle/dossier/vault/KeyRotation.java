package fr.passerelle.dossier.vault;

import fr.passerelle.dossier.vault.KeyEncryptionKeys.WrappedKey;
import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation of the key-encryption key without decrypting anyone's file: a new version becomes
 * current, then every data key is unwrapped from its old version and wrapped again under the new
 * one, a batch per transaction (rows locked, so that two instances re-wrapping at once never touch
 * the same key). An old version is retired once no data key needs it; what a backup taken before
 * still holds under it is then unreadable too.
 */
@Component
public class KeyRotation {

  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final KeyEncryptionKeys keys;
  private final TransactionTemplate transactions;

  KeyRotation(JdbcTemplate jdbc, KeyEncryptionKeys keys, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.transactions = transactions;
  }

  /** The current version and how many data keys each version wraps. */
  public record Status(int current, Map<Integer, Long> dataKeysByVersion) {}

  public Status status() {
    Map<Integer, Long> counts = new LinkedHashMap<>();
    keys.versions().forEach(version -> counts.put(version, 0L));
    jdbc.query(
        "SELECT kek_version, count(*) FROM person_key GROUP BY kek_version",
        rs -> {
          counts.put(rs.getInt(1), rs.getLong(2));
        });
    return new Status(keys.currentVersion(), counts);
  }

  /** Makes a new key-encryption key current and re-wraps every data key under it. */
  public Status rotate() {
    keys.addVersion();
    return rewrap();
  }

  /** Re-wraps under the current version every data key still under an older one. */
  public Status rewrap() {
    int current = keys.currentVersion();
    int done;
    do {
      done = transactions.execute(status -> rewrapBatch(current));
    } while (done == BATCH);
    return status();
  }

  /**
   * Destroys {@code version} once no data key is wrapped under it.
   *
   * @throws NotFoundException when the key store holds no such version
   * @throws ConflictException for the current version, or one that still wraps data keys
   */
  public void retire(int version) {
    if (!keys.versions().contains(version)) {
      throw new NotFoundException("Aucune clé de chiffrement de clés en version " + version + ".");
    }
    if (version == keys.currentVersion()) {
      throw new ConflictException("La version courante ne peut pas être retirée.");
    }
    Long wrapping =
        jdbc.queryForObject(
            "SELECT count(*) FROM person_key WHERE kek_version = ?", Long.class, version);
    if (wrapping != null && wrapping > 0) {
      throw new ConflictException(
          "La version "
              + version
              + " chiffre encore "
              + wrapping
              + " clé(s) de données : ré-chiffrez-les d'abord.");
    }
    keys.retire(version);
  }

  private int rewrapBatch(int current) {
    List<Object[]> rows =
        jdbc.query(
            """
            SELECT person_id, kek_version, wrapped_key FROM person_key
            WHERE kek_version <> ? ORDER BY person_id LIMIT ? FOR UPDATE SKIP LOCKED""",
            (rs, row) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getBytes(3)},
            current,
            BATCH);
    for (Object[] row : rows) {
      String personId = (String) row[0];
      byte[] dataKey = keys.unwrap(new WrappedKey((Integer) row[1], (byte[]) row[2]), personId);
      WrappedKey rewrapped = keys.wrap(dataKey, personId);
      jdbc.update(
          "UPDATE person_key SET kek_version = ?, wrapped_key = ? WHERE person_id = ?",
          rewrapped.kekVersion(),
          rewrapped.bytes(),
          personId);
    }
    return rows.size();
  }
}
