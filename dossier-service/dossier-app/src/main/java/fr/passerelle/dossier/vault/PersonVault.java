package fr.passerelle.dossier.vault;

import fr.passerelle.dossier.intake.command.PersonalFiles;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personal-data vault: each person's file encrypted (AES-256-GCM) with a key of their own.
 * Deleting the key erases the file for good (crypto-shredding), wherever copies of the ciphertext
 * remain (backups included). Files are written in the caller's transaction, with the dossier's
 * events.
 */
@Component
public class PersonVault implements PersonalFiles {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();

  PersonVault(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores or replaces the file of {@code personId}, under its existing key or a new one. */
  public void store(String personId, PersonalFile file) {
    SecretKey key = key(personId).orElseGet(() -> newKey(personId));
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
            SELECT k.key_material, f.ciphertext
            FROM person_key k JOIN person_file f ON f.person_id = k.person_id
            WHERE k.person_id = ?""",
            (rs, row) -> decrypt(new SecretKeySpec(rs.getBytes(1), "AES"), rs.getBytes(2)),
            personId)
        .stream()
        .findFirst()
        .map(plain -> json.readValue(plain, PersonalFile.class));
  }

  /** Erases the person's file: its key goes, so no copy of the ciphertext can be read again. */
  public void erase(String personId) {
    jdbc.update("DELETE FROM person_key WHERE person_id = ?", personId);
    jdbc.update("DELETE FROM person_file WHERE person_id = ?", personId);
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

  private Optional<SecretKey> key(String personId) {
    return jdbc
        .query(
            "SELECT key_material FROM person_key WHERE person_id = ?",
            (rs, row) -> (SecretKey) new SecretKeySpec(rs.getBytes(1), "AES"),
            personId)
        .stream()
        .findFirst();
  }

  private SecretKey newKey(String personId) {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey key = generator.generateKey();
      jdbc.update(
          "INSERT INTO person_key (person_id, key_material) VALUES (?, ?)",
          personId,
          key.getEncoded());
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }

  private byte[] encrypt(SecretKey key, byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a personal file", e);
    }
  }

  private static byte[] decrypt(SecretKey key, byte[] stored) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
      return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt a personal file", e);
    }
  }
}
