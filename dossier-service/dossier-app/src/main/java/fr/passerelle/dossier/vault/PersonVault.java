package fr.passerelle.dossier.vault;

import fr.passerelle.dossier.intake.command.PersonalFiles;
import fr.passerelle.dossier.vault.KeyEncryptionKeys.WrappedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personal-data vault: each person's file encrypted (AES-256-GCM) with a data key of their own,
 * and each data key stored wrapped by a key-encryption key that never enters the database ({@link
 * KeyEncryptionKeys}): a dump or a backup of the database decrypts nobody. Destroying the data key
 * erases the file for good (crypto-shredding), wherever copies of its ciphertext remain. Files are
 * written in the caller's transaction, with the dossier's events.
 */
@Component
public class PersonVault implements PersonalFiles {

  private static final int DATA_KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] PSEUDONYM_CONTEXT =
      "passerelle-person-pseudonym".getBytes(StandardCharsets.UTF_8);

  private final JdbcTemplate jdbc;
  private final KeyEncryptionKeys keys;
  private final JsonMapper json = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();

  PersonVault(JdbcTemplate jdbc, KeyEncryptionKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** Stores or replaces the file of {@code personId}, under its existing key or a new one. */
  public void store(String personId, PersonalFile file) {
    byte[] key = dataKey(personId).orElseGet(() -> newKey(personId));
    jdbc.update(
        """
        INSERT INTO person_file (person_id, ciphertext) VALUES (?, ?)
        ON CONFLICT (person_id) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, updated_at = now()
        """,
        personId,
        encrypt(key, json.writeValueAsBytes(file)));
  }

  /** The file of {@code personId}; empty once erased. */
  public Optional<PersonalFile> read(String personId) {
    return jdbc
        .query(
            """
            SELECT k.kek_version, k.wrapped_key, f.ciphertext
            FROM person_key k JOIN person_file f ON f.person_id = k.person_id
            WHERE k.person_id = ?""",
            (rs, row) ->
                decrypt(
                    keys.unwrap(new WrappedKey(rs.getInt(1), rs.getBytes(2)), personId),
                    rs.getBytes(3)),
            personId)
        .stream()
        .findFirst()
        .map(plain -> json.readValue(plain, PersonalFile.class));
  }

  /**
   * Erases the person's file: its data key is destroyed, so no copy of the ciphertext (in a backup,
   * a dump, a replica) can be read again; the ciphertext goes too.
   */
  public void erase(String personId) {
    jdbc.update("DELETE FROM person_key WHERE person_id = ?", personId);
    jdbc.update("DELETE FROM person_file WHERE person_id = ?", personId);
  }

  /**
   * The person's pseudonym in {@code dossierId}: an HMAC of the dossier's id under a key derived
   * from the person's data key. The same person has another pseudonym in each dossier, nothing
   * outside the vault can tell whose it is, and once the data key is destroyed nobody can compute
   * it again. Empty when the person has no data key (erased, or never stored).
   */
  @Override
  public Optional<String> pseudonym(String personId, String dossierId) {
    return dataKey(personId)
        .map(
            key -> {
              byte[] pseudonymKey = hmac(key, PSEUDONYM_CONTEXT);
              byte[] mac = hmac(pseudonymKey, dossierId.getBytes(StandardCharsets.UTF_8));
              return HexFormat.of().formatHex(mac, 0, 16);
            });
  }

  @Override
  public List<String> missingFields(String personId) {
    Optional<PersonalFile> file = read(personId);
    List<String> missing = new ArrayList<>();
    if (file.map(PersonalFile::lastName).filter(s -> !s.isBlank()).isEmpty()) {
      missing.add("person.lastName");
    }
    if (file.map(PersonalFile::firstName).filter(s -> !s.isBlank()).isEmpty()) {
      missing.add("person.firstName");
    }
    if (file.map(PersonalFile::birthDate).isEmpty()) {
      missing.add("person.birthDate");
    }
    return missing;
  }

  @Override
  public Optional<LocalDate> birthDate(String personId) {
    return read(personId).map(PersonalFile::birthDate);
  }

  private Optional<byte[]> dataKey(String personId) {
    return jdbc
        .query(
            "SELECT kek_version, wrapped_key FROM person_key WHERE person_id = ?",
            (rs, row) -> keys.unwrap(new WrappedKey(rs.getInt(1), rs.getBytes(2)), personId),
            personId)
        .stream()
        .findFirst();
  }

  private byte[] newKey(String personId) {
    byte[] key = new byte[DATA_KEY_BYTES];
    random.nextBytes(key);
    WrappedKey wrapped = keys.wrap(key, personId);
    jdbc.update(
        "INSERT INTO person_key (person_id, kek_version, wrapped_key) VALUES (?, ?, ?)",
        personId,
        wrapped.kekVersion(),
        wrapped.bytes());
    return key;
  }

  private byte[] encrypt(byte[] key, byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a personal file", e);
    }
  }

  private static byte[] decrypt(byte[] key, byte[] stored) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
      return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt a personal file", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
