package fr.passerelle.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the service under test a key store of its own, as {@code passerelle up} does: a file with
 * one key-encryption key, mode 600, in a directory made for this test JVM, outside the database.
 */
public class TestKeyStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static Path file;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "passerelle-test-key-store",
                Map.of("passerelle.vault.key-store", file().toString())));
  }

  /** The test JVM's key store, made on first use. */
  public static synchronized Path file() {
    if (file == null) {
      try {
        Path directory = Files.createTempDirectory("passerelle-vault-");
        file = write(directory.resolve("key-encryption-keys"), 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  /** Writes a key store at {@code file} holding one new key under {@code version}, mode 600. */
  public static Path write(Path file, int version) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file,
          "# test key store\n" + version + " " + Base64.getEncoder().encodeToString(key) + "\n",
          StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
