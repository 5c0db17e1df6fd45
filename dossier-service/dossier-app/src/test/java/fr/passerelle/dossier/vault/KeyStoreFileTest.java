package fr.passerelle.dossier.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.dossier.TestKeyStore;
import fr.passerelle.dossier.vault.KeyEncryptionKeys.WrappedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreFileTest {

  @TempDir Path directory;

  private final byte[] dataKey = new SecureRandom().generateSeed(32);

  @Test
  void aWrappedKeyUnwrapsForItsPersonOnly() {
    KeyStoreFile keys = KeyStoreFile.open(TestKeyStore.write(directory.resolve("keys"), 1));

    WrappedKey wrapped = keys.wrap(dataKey, "person-1");

    assertThat(wrapped.kekVersion()).isEqualTo(1);
    assertThat(java.util.HexFormat.of().formatHex(wrapped.bytes()))
        .doesNotContain(java.util.HexFormat.of().formatHex(dataKey));
    assertThat(keys.unwrap(wrapped, "person-1")).isEqualTo(dataKey);
    assertThatThrownBy(() -> keys.unwrap(wrapped, "person-2"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anotherKeyStoreCannotUnwrap() {
    KeyStoreFile keys = KeyStoreFile.open(TestKeyStore.write(directory.resolve("keys"), 1));
    KeyStoreFile other = KeyStoreFile.open(TestKeyStore.write(directory.resolve("other"), 1));

    WrappedKey wrapped = keys.wrap(dataKey, "person-1");

    assertThatThrownBy(() -> other.unwrap(wrapped, "person-1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aNewVersionBecomesCurrentAndTheOldOneStillUnwrapsUntilRetired() {
    Path file = TestKeyStore.write(directory.resolve("keys"), 1);
    KeyStoreFile keys = KeyStoreFile.open(file);
    WrappedKey underOne = keys.wrap(dataKey, "person-1");

    assertThat(keys.addVersion()).isEqualTo(2);
    WrappedKey underTwo = keys.wrap(dataKey, "person-1");

    assertThat(underTwo.kekVersion()).isEqualTo(2);
    assertThat(keys.unwrap(underOne, "person-1")).isEqualTo(dataKey);
    keys.retire(1);
    assertThat(keys.versions()).containsExactly(2);
    assertThatThrownBy(() -> keys.unwrap(underOne, "person-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 1");
    assertThat(KeyStoreFile.open(file).unwrap(underTwo, "person-1")).isEqualTo(dataKey);
    assertThatThrownBy(() -> keys.retire(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInstanceSeesTheVersionAnotherAdded() {
    Path file = TestKeyStore.write(directory.resolve("keys"), 1);
    KeyStoreFile first = KeyStoreFile.open(file);
    KeyStoreFile second = KeyStoreFile.open(file);

    first.addVersion();

    assertThat(second.currentVersion()).isEqualTo(2);
    assertThat(second.unwrap(first.wrap(dataKey, "p"), "p")).isEqualTo(dataKey);
  }

  @Test
  void theFileStaysReadableByItsOwnerOnly() throws Exception {
    Path file = TestKeyStore.write(directory.resolve("keys"), 1);

    KeyStoreFile.open(file).addVersion();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aKeyStoreOthersCanReadIsRefused() throws Exception {
    Path file = TestKeyStore.write(directory.resolve("keys"), 1);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> KeyStoreFile.open(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mode 600");
  }

  @Test
  void aMissingEmptyOrMalformedKeyStoreIsRefused() throws Exception {
    assertThatThrownBy(() -> KeyStoreFile.open(directory.resolve("none")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No key store");
    Path file = TestKeyStore.write(directory.resolve("keys"), 1);
    Files.writeString(file, "# nothing\n");
    assertThatThrownBy(() -> KeyStoreFile.open(file)).hasMessageContaining("holds no key");
    Files.writeString(file, "1 c2hvcnQ=\n");
    assertThatThrownBy(() -> KeyStoreFile.open(file)).hasMessageContaining("line 1");
  }
}
