package fr.passerelle.dossier.vault;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.dossier.Dossiers;
import fr.passerelle.dossier.TestKeyStore;
import fr.passerelle.dossier.vault.migration.PlaintextKeysWrapping;
import fr.passerelle.testsupport.ServiceIntegrationTest;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data keys are kept wrapped by a key-encryption key outside the database, rotated without
 * decrypting a single file, and the plaintext keys of an earlier version are wrapped on upgrade.
 */
@ServiceIntegrationTest
class VaultKeysIT {

  private static final Pattern ID = Pattern.compile("\"(?:dossierId|associationId)\":\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonVault vault;
  @Autowired KeyEncryptionKeys keys;

  @Test
  void noDataKeyIsInTheDatabaseInPlaintext() {
    String dossierId = draft();
    String personId = personIdOf(dossierId);

    var columns =
        jdbc.queryForList(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'person_key'",
            String.class);
    byte[] wrapped =
        jdbc.queryForObject(
            "SELECT wrapped_key FROM person_key WHERE person_id = ?", byte[].class, personId);
    byte[] ciphertext =
        jdbc.queryForObject(
            "SELECT ciphertext FROM person_file WHERE person_id = ?", byte[].class, personId);

    assertThat(columns).doesNotContain("key_material").contains("wrapped_key", "kek_version");
    // whatever 32 bytes of the wrapped key one takes as the key, the file does not open
    for (int from = 0; from + 32 <= wrapped.length; from++) {
      byte[] candidate = java.util.Arrays.copyOfRange(wrapped, from, from + 32);
      assertThat(opens(candidate, ciphertext)).as("bytes %d..%d", from, from + 32).isFalse();
    }
    assertThat(vault.read(personId))
        .hasValueSatisfying(f -> assertThat(f.lastName()).isEqualTo("Okafor"));
  }

  @Test
  void theVaultIsClosedToEveryRoleButTheServicesOwn() {
    jdbc.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vault_outsider')"
            + " THEN CREATE ROLE vault_outsider; END IF; END $$");
    jdbc.execute("GRANT CONNECT ON DATABASE dossier_service TO vault_outsider");
    jdbc.execute("GRANT USAGE ON SCHEMA public TO vault_outsider");

    for (String table : List.of("person_key", "person_file")) {
      assertThat(
              jdbc.queryForObject(
                  "SELECT has_table_privilege('vault_outsider', ?, 'SELECT')",
                  Boolean.class,
                  table))
          .as(table)
          .isFalse();
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM information_schema.role_table_grants"
                      + " WHERE table_name = ? AND grantee = 'PUBLIC'",
                  Long.class,
                  table))
          .isZero();
    }
  }

  @Test
  void aRotationRewrapsEveryDataKeyWithoutTouchingAFileAndTheOldVersionIsThenRetired() {
    String dossierId = draft();
    String personId = personIdOf(dossierId);
    byte[] fileBefore = file(personId);
    int before = keys.currentVersion();
    TestHttp admin = TestHttp.onPort(port).as(TestTokens.staff("ADMIN", "*"));

    var rotated = admin.postJson("/admin/vault/keys/rotation", "");

    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    int current = before + 1;
    assertThat(rotated.body()).contains("\"current\":" + current);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM person_key WHERE kek_version <> ?", Long.class, current))
        .isZero();
    assertThat(file(personId)).isEqualTo(fileBefore);
    assertThat(vault.read(personId)).isPresent();

    assertThat(admin.delete("/admin/vault/keys/versions/" + current).statusCode()).isEqualTo(409);
    assertThat(admin.delete("/admin/vault/keys/versions/" + before).statusCode()).isEqualTo(204);
    assertThat(admin.delete("/admin/vault/keys/versions/" + before).statusCode()).isEqualTo(404);
    assertThat(keys.versions()).doesNotContain(before);
    assertThat(vault.read(personId)).isPresent();
    assertThat(
            TestHttp.onPort(port)
                .as(TestTokens.staff("PREFECTURE", "31"))
                .postJson("/admin/vault/keys/rotation", "")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aVersionStillWrappingDataKeysIsNotRetired() {
    draft();
    int used = keys.currentVersion();
    keys.addVersion();
    TestHttp admin = TestHttp.onPort(port).as(TestTokens.staff("ADMIN", "*"));

    var refused = admin.delete("/admin/vault/keys/versions/" + used);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("ré-chiffrez");
    assertThat(admin.postJson("/admin/vault/keys/rewrap", "").statusCode()).isEqualTo(200);
    assertThat(admin.delete("/admin/vault/keys/versions/" + used).statusCode()).isEqualTo(204);
  }

  @Test
  void theUpgradeWrapsThePlaintextKeysOfAnEarlierVersion() throws Exception {
    TestInfrastructure infrastructure = TestInfrastructure.get();
    var dataSource =
        new DriverManagerDataSource(
            infrastructure.jdbcUrl("dossier_upgrade_" + System.nanoTime() % 100000),
            infrastructure.username(),
            infrastructure.password());
    Flyway earlier =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(Map.of("appRole", infrastructure.username()))
            .target("4")
            .load();
    earlier.migrate();
    JdbcTemplate old = new JdbcTemplate(dataSource);
    byte[] plaintextKey = new SecureRandom().generateSeed(32);
    old.update("INSERT INTO person_key (person_id, key_material) VALUES ('p-1', ?)", plaintextKey);
    old.update(
        "INSERT INTO person_file (person_id, ciphertext) VALUES ('p-1', ?)",
        encrypt(
            plaintextKey,
            JsonMapper.builder()
                .build()
                .writeValueAsBytes(
                    new PersonalFile(
                        "Adebayo", "Grace", LocalDate.of(1990, 1, 2), null, null, null))));

    KeyStoreFile store =
        KeyStoreFile.open(
            TestKeyStore.write(
                java.nio.file.Files.createTempDirectory("upgrade").resolve("keys"), 1));
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(Map.of("appRole", infrastructure.username()))
        .javaMigrations(new PlaintextKeysWrapping(store))
        .load()
        .migrate();

    assertThat(
            old.queryForList(
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'person_key'",
                String.class))
        .doesNotContain("key_material");
    assertThat(new PersonVault(old, store).read("p-1"))
        .hasValueSatisfying(file -> assertThat(file.lastName()).isEqualTo("Adebayo"));
    String table =
        new String(
            old.queryForObject("SELECT wrapped_key FROM person_key", byte[].class),
            StandardCharsets.ISO_8859_1);
    assertThat(table).doesNotContain(new String(plaintextKey, StandardCharsets.ISO_8859_1));
  }

  private String draft() {
    String associationId =
        id(
            TestHttp.onPort(port)
                .as(TestTokens.staff("PREFECTURE", "31"))
                .postJson("/api/departements/31/associations", Dossiers.anAssociationBody()));
    var drafted =
        TestHttp.onPort(port)
            .as(TestTokens.association(associationId, "31"))
            .postJson(
                "/api/departements/31/dossiers", Dossiers.aCompleteDossierBody(associationId));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    return id(drafted);
  }

  private String personIdOf(String dossierId) {
    return jdbc.queryForObject(
        "SELECT person_id FROM dossier_summary WHERE dossier_id = ?", String.class, dossierId);
  }

  private byte[] file(String personId) {
    return jdbc.queryForObject(
        "SELECT ciphertext FROM person_file WHERE person_id = ?", byte[].class, personId);
  }

  private static boolean opens(byte[] key, byte[] stored) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, stored, 0, 12));
      cipher.doFinal(stored, 12, stored.length - 12);
      return true;
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] encrypt(byte[] key, byte[] plain) throws Exception {
    byte[] iv = new SecureRandom().generateSeed(12);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    byte[] sealed = cipher.doFinal(plain);
    return ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();
  }

  private static String id(java.net.http.HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }
}
