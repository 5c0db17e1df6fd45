package fr.passerelle.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generated passwords of the local runtime, one file each in a directory of the run directory: the
 * directory readable by its owner only (mode 700), each file too (mode 600), the password on the
 * file's first line. A password is made once, on first use, and read back at every later start, so
 * the roles and the processes that use them keep agreeing.
 */
public final class Secrets {

  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,99}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;

  public Secrets(Path directory) {
    this.directory = directory;
  }

  /** Where the secret {@code name} is kept. */
  public Path file(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a secret name: '" + name + "'");
    }
    return directory.resolve(name);
  }

  /** The secret {@code name}, if it was made before; its file is made owner-only again. */
  public Optional<String> read(String name) throws IOException {
    Path file = file(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    String password =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    if (password.isEmpty()) {
      throw new IOException(file + " is empty: remove it to have a new password generated");
    }
    return Optional.of(password);
  }

  /** The secret {@code name}: read, or generated (256 random bits) and kept on first use. */
  public String readOrCreate(String name) throws IOException {
    Optional<String> existing = read(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    ensureDirectory();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    // Written under another name, then linked to its own: a reader never sees a half-written
    // file, and a secret another process made meanwhile is kept (the link fails, its value is
    // read).
    Path draft =
        Files.createTempFile(
            directory, "." + name, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    try {
      Files.writeString(draft, password + "\n", StandardCharsets.UTF_8);
      Files.createLink(file(name), draft);
      return password;
    } catch (FileAlreadyExistsException madeMeanwhile) {
      return read(name).orElseThrow(() -> madeMeanwhile);
    } finally {
      Files.delete(draft);
    }
  }

  private void ensureDirectory() throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(
          directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    }
    Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
  }
}
