package fr.passerelle.dossier.vault.migration;

import fr.passerelle.dossier.vault.KeyEncryptionKeys;
import fr.passerelle.dossier.vault.KeyEncryptionKeys.WrappedKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * The upgrade of a vault made by an earlier version, where each person's data key sat in plaintext
 * beside their file: every key is wrapped under the key store's current key-encryption key, then
 * the plaintext column is dropped, in one transaction (all wrapped, or none). A Java migration
 * because the key-encryption key must never reach the database, not even as a statement's
 * parameter.
 */
@Component
public class PlaintextKeysWrapping implements JavaMigration {

  private final KeyEncryptionKeys keys;

  public PlaintextKeysWrapping(KeyEncryptionKeys keys) {
    this.keys = keys;
  }

  /** Between V5, which adds the wrapped columns, and V7, which rewrites the table. */
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("6");
  }

  @Override
  public String getDescription() {
    return "wrap the plaintext data keys";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    try (Statement select = connection.createStatement();
        ResultSet plain =
            select.executeQuery(
                "SELECT person_id, key_material FROM person_key WHERE key_material IS NOT NULL");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE person_key SET kek_version = ?, wrapped_key = ?, key_material = NULL"
                    + " WHERE person_id = ?")) {
      while (plain.next()) {
        String personId = plain.getString(1);
        WrappedKey wrapped = keys.wrap(plain.getBytes(2), personId);
        update.setInt(1, wrapped.kekVersion());
        update.setBytes(2, wrapped.bytes());
        update.setString(3, personId);
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement alter = connection.createStatement()) {
      alter.execute(
          """
          ALTER TABLE person_key
            DROP COLUMN key_material,
            ALTER COLUMN kek_version SET NOT NULL,
            ALTER COLUMN wrapped_key SET NOT NULL""");
    }
  }
}
