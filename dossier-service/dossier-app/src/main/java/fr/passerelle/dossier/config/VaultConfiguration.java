package fr.passerelle.dossier.config;

import fr.passerelle.dossier.vault.KeyEncryptionKeys;
import fr.passerelle.dossier.vault.KeyStoreFile;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the vault's key-encryption keys come from: the key store file {@code
 * passerelle.vault.key-store} (environment {@code PASSERELLE_VAULT_KEYSTORE}), outside the
 * database. The service does not start without it: it could read and write nobody's data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultConfiguration.VaultProperties.class)
class VaultConfiguration {

  @Bean
  KeyEncryptionKeys keyEncryptionKeys(VaultProperties properties) {
    if (properties.keyStore() == null) {
      throw new IllegalStateException(
          "Set passerelle.vault.key-store (PASSERELLE_VAULT_KEYSTORE) to the vault's key store,"
              + " a file outside the database readable by this service only");
    }
    return KeyStoreFile.open(properties.keyStore());
  }

  /**
   * @param keyStore the key store file of the key-encryption keys
   */
  @ConfigurationProperties("passerelle.vault")
  record VaultProperties(Path keyStore) {}
}
