package fr.passerelle.reporting.audit.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The links of the ledger's chains: SHA-256 of the previous link and the next row's canonical
 * bytes. The first link of a chain follows 32 zero bytes.
 */
public final class Links {

  /** What the first link of a chain follows. */
  public static final byte[] ORIGIN = new byte[32];

  private Links() {}

  /** The link that follows {@code previous} for a row of {@code canonicalBytes}. */
  public static byte[] next(byte[] previous, byte[] canonicalBytes) {
    MessageDigest sha256 = sha256();
    sha256.update(previous);
    sha256.update(canonicalBytes);
    return sha256.digest();
  }

  /** The digest of the person's data under its salt. */
  public static byte[] digest(byte[] salt, byte[] data) {
    MessageDigest sha256 = sha256();
    sha256.update(salt);
    sha256.update(data);
    return sha256.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
