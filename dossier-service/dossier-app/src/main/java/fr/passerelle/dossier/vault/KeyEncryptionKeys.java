package fr.passerelle.dossier.vault;

import java.util.SortedSet;

/**
 * The keys that encrypt the persons' data keys (key-encryption keys, KEK), kept outside the
 * database: a dump or a backup of the database holds only wrapped data keys, which nobody can use
 * without these. Versioned, so that they can be rotated without decrypting any personal file: a new
 * version becomes current, the data keys are wrapped again under it, and the old version is retired
 * once no data key needs it. A key store file is the local implementation ({@link KeyStoreFile}); a
 * KMS or a Vault transit engine fits the same interface (wrap and unwrap are then its encrypt and
 * decrypt calls, versions its key versions).
 */
public interface KeyEncryptionKeys {

  /**
   * Wraps {@code dataKey} under the current version, bound to {@code personId} (a wrapped key moved
   * to another person's row does not unwrap).
   */
  WrappedKey wrap(byte[] dataKey, String personId);

  /**
   * The data key {@code wrapped} holds.
   *
   * @throws IllegalStateException when its version is unknown (retired) or it was altered
   */
  byte[] unwrap(WrappedKey wrapped, String personId);

  /** The version new data keys are wrapped under. */
  int currentVersion();

  /** Every version still held, the current one included. */
  SortedSet<Integer> versions();

  /** Makes a new version, which becomes the current one; returns it. */
  int addVersion();

  /**
   * Destroys {@code version}: every data key still wrapped under it becomes unreadable. The caller
   * checks that none is.
   */
  void retire(int version);

  /** A data key as the database keeps it: wrapped under one version of the key-encryption key. */
  record WrappedKey(int kekVersion, byte[] bytes) {}
}
