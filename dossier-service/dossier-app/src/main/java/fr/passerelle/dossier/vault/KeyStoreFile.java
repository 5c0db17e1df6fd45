package fr.passerelle.dossier.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key-encryption keys kept in a file of their own, outside the database and its backups: one line
 * per version, {@code <version> <key in Base64>} (AES-256), the highest version current, lines
 * starting with {@code #} ignored. The file must be readable by its owner only (mode 600): the
 * service refuses to start otherwise. {@code passerelle up} makes one in the run directory's
 * secrets, beside PostgreSQL's data directory, never inside it.
 *
 * <p>Data keys are wrapped with AES-256-GCM under the current version, the person's id and the
 * version as associated data. Several instances may share the file: each reads it again when it
 * changed, and rotations take a lock beside it, so that two never write it at once.
 */
public final class KeyStoreFile implements KeyEncryptionKeys {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Path file;
  private final SecureRandom random = new SecureRandom();
  private SortedMap<Integer, byte[]> keys;
  private Object readAt;

  private KeyStoreFile(Path file) {
    this.file = file;
  }

  /**
   * Opens the key store at {@code file}.
   *
   * @throws IllegalStateException when it is missing, readable by others than its owner, empty or
   *     malformed
   */
  public static KeyStoreFile open(Path file) {
    KeyStoreFile store = new KeyStoreFile(file.toAbsolutePath());
    store.reload();
    return store;
  }

  @Override
  public synchronized WrappedKey wrap(byte[] dataKey, String personId) {
    reloadIfChanged();
    int version = keys.lastKey();
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keys.get(version), "AES"),
          new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(personId, version));
      byte[] sealed = cipher.doFinal(dataKey);
      return new WrappedKey(
          version, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot wrap a data key", e);
    }
  }

  @Override
  public synchronized byte[] unwrap(WrappedKey wrapped, String personId) {
    if (!keys.containsKey(wrapped.kekVersion())) {
      reload();
    }
    byte[] kek = keys.get(wrapped.kekVersion());
    if (kek == null) {
      throw new IllegalStateException(
          "Key-encryption key version " + wrapped.kekVersion() + " is not in the key store");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(kek, "AES"),
          new GCMParameterSpec(TAG_BITS, wrapped.bytes(), 0, IV_BYTES));
      cipher.updateAAD(associatedData(personId, wrapped.kekVersion()));
      return cipher.doFinal(wrapped.bytes(), IV_BYTES, wrapped.bytes().length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A wrapped data key does not unwrap: altered or misplaced", e);
    }
  }

  @Override
  public synchronized int currentVersion() {
    reloadIfChanged();
    return keys.lastKey();
  }

  @Override
  public synchronized SortedSet<Integer> versions() {
    reloadIfChanged();
    return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
  }

  @Override
  public synchronized int addVersion() {
    return underLock(
        () -> {
          reload();
          int version = keys.lastKey() + 1;
          keys.put(version, newKey());
          write();
          return version;
        });
  }

  @Override
  public synchronized void retire(int version) {
    underLock(
        () -> {
          reload();
          if (version == keys.lastKey()) {
            throw new IllegalArgumentException("The current version cannot be retired");
          }
          if (keys.remove(version) != null) {
            write();
          }
          return version;
        });
  }

  private static byte[] associatedData(String personId, int version) {
    return ("passerelle-data-key|" + personId + "|" + version).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return key;
  }

  private void reloadIfChanged() {
    try {
      if (!stamp().equals(readAt)) {
        reload();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the key store " + file, e);
    }
  }

  private void reload() {
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "No key store at "
                + file
                + ": the vault cannot read or write anyone's data without its key-encryption keys"
                + " (passerelle.vault.key-store)");
      }
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        throw new IllegalStateException(
            "The key store "
                + file
                + " is readable by others than its owner ("
                + PosixFilePermissions.toString(permissions)
                + "): make it mode 600");
      }
      Object stamp = stamp();
      SortedMap<Integer, byte[]> read = new TreeMap<>();
      int number = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        number++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] parts = text.split("\\s+");
        byte[] key;
        try {
          key = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : null;
          if (key == null || key.length != KEY_BYTES || read.containsKey(version(parts[0]))) {
            throw new IllegalArgumentException();
          }
          read.put(version(parts[0]), key);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "The key store " + file + " is malformed at line " + number, e);
        }
      }
      if (read.isEmpty()) {
        throw new IllegalStateException("The key store " + file + " holds no key");
      }
      keys = read;
      readAt = stamp;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the key store " + file, e);
    }
  }

  /** What changes when the file is written again: it is replaced by another (new inode). */
  private Object stamp() throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return List.of(
        String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
  }

  private static int version(String text) {
    int version = Integer.parseInt(text);
    if (version < 1) {
      throw new IllegalArgumentException();
    }
    return version;
  }

  /** Writes the keys to a new file beside, then moves it over the old one at once. */
  private void write() {
    try {
      List<String> lines = new ArrayList<>();
      lines.add(
          "# Passerelle vault: key-encryption keys, one version a line, the highest current.");
      lines.add("# Keep this file away from the database and its backups; never share it.");
      keys.forEach(
          (version, key) -> lines.add(version + " " + Base64.getEncoder().encodeToString(key)));
      Path draft =
          Files.createTempFile(
              file.getParent(),
              "." + file.getFileName(),
              ".new",
              PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.write(draft, lines, StandardCharsets.UTF_8);
      Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      readAt = stamp();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the key store " + file, e);
    }
  }

  private interface Change {
    int apply();
  }

  /** Runs {@code change} holding a lock beside the file, shared by every instance on this host. */
  private int underLock(Change change) {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    try (FileChannel channel =
            FileChannel.open(
                lock,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        FileLock held = channel.lock()) {
      return change.apply();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the key store " + file, e);
    }
  }
}
