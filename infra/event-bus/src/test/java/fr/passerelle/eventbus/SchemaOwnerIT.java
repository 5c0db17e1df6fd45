package fr.passerelle.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.passerelle.eventbus.config.EventBusSchema;
import fr.passerelle.eventbus.config.SchemaOwner;
import fr.passerelle.eventbus.testapp.TestApplication;
import fr.passerelle.eventbus.testapp.TestApplication.Happened;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose database has two roles, as `passerelle up` and the README's external PostgreSQL
 * set them up: the owner runs every migration (Spring's, the event bus's, a schema made at run
 * time), the role the service serves requests with reads and writes rows and changes nothing else.
 */
@SpringBootTest(
    classes = TestApplication.class,
    properties = "spring.application.name=eventbus-schema-owner")
class SchemaOwnerIT {

  private static final String DATABASE = "eventbus_schema_owner";
  private static final String OWNER = DATABASE + "_owner";
  private static final String APPLICATION = DATABASE + "_app";
  private static final String OWNER_PASSWORD = UUID.randomUUID().toString();
  private static final String APPLICATION_PASSWORD = UUID.randomUUID().toString();

  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired SchemaOwner owner;

  @DynamicPropertySource
  static void twoRoles(DynamicPropertyRegistry registry) throws SQLException {
    var infrastructure = TestInfrastructure.get();
    String url = infrastructure.jdbcUrl(DATABASE);
    createRoles(url.substring(0, url.lastIndexOf('/')), infrastructure);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> APPLICATION);
    registry.add("spring.datasource.password", () -> APPLICATION_PASSWORD);
    registry.add("spring.flyway.user", () -> OWNER);
    registry.add("spring.flyway.password", () -> OWNER_PASSWORD);
    registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
    registry.add("passerelle.security.jwt.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "passerelle.security.jwt.public-key", () -> TestTokens.publicKeyPem().toUri().toString());
  }

  @Test
  void theBusRunsWithARoleThatOnlyReadsAndWritesRows() {
    String dossier = UUID.randomUUID().toString();

    store(dossier, "a", "b");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT value FROM applied WHERE dossier_id = ? ORDER BY id",
                            String.class,
                            dossier))
                    .containsExactly("a", "b"));
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(APPLICATION);
  }

  @Test
  void everyTableBelongsToTheOwner() {
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
                String.class))
        .containsExactly(OWNER);
    assertThat(
            jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class))
        .contains(
            "applied",
            "domain_event_entry",
            "token_entry",
            "eventbus_inbox",
            "flyway_schema_history",
            "eventbus_inbox_schema_history");
  }

  @Test
  void theServiceRoleCannotChangeTheSchema() {
    assertThatThrownBy(() -> jdbc.execute("CREATE TABLE intruder (id integer)"))
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessageContaining("permission denied for schema public");
    assertThatThrownBy(() -> jdbc.execute("ALTER TABLE applied ADD COLUMN intruder integer"))
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessageContaining("must be owner of table applied");
  }

  @Test
  void aMigrationNamesTheServiceRoleToMakeATableAppendOnly() {
    jdbc.update("INSERT INTO appended (value) VALUES ('kept')");

    assertThatThrownBy(() -> jdbc.update("UPDATE appended SET value = 'changed'"))
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessageContaining("permission denied for table appended");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM appended"))
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessageContaining("permission denied for table appended");
    assertThat(jdbc.queryForList("SELECT value FROM appended", String.class)).contains("kept");
  }

  @Test
  void theEventStoreAndSoTheAccessLogAreAppendOnlyForTheServiceRole() {
    assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET type = 'forged'"))
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessageContaining("permission denied for table domain_event_entry");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry"))
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessageContaining("permission denied for table domain_event_entry");
  }

  @Test
  void aSchemaMadeAtRunTimeIsOpenToTheServiceRole() {
    String schema = "generation_" + UUID.randomUUID().toString().substring(0, 8);

    new EventBusSchema(owner, false, schema).afterPropertiesSet();

    jdbc.update(
        "INSERT INTO "
            + schema
            + ".eventbus_inbox (consumer, event_id, event_type, subject, topic, kafka_partition,"
            + " kafka_offset, event_time) VALUES ('c', 'e', 't', 's', 'topic', 0, 0, now())");
    assertThat(
            jdbc.queryForObject("SELECT count(*) FROM " + schema + ".eventbus_inbox", Long.class))
        .isOne();
    assertThat(
            jdbc.queryForObject(
                "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?",
                String.class,
                schema))
        .isEqualTo(OWNER);
  }

  private void store(String dossier, String... values) {
    for (String value : values) {
      eventStore.publish(GenericEventMessage.asEventMessage(new Happened(dossier, value)));
    }
  }

  /**
   * The roles and privileges of the README's "External PostgreSQL" section, made by the test
   * server's superuser.
   */
  private static void createRoles(String serverUrl, TestInfrastructure infrastructure)
      throws SQLException {
    try (Connection server =
            DriverManager.getConnection(
                serverUrl + "/postgres", infrastructure.username(), infrastructure.password());
        Statement sql = server.createStatement()) {
      for (String role : List.of(OWNER, APPLICATION)) {
        sql.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s')".formatted(role)
                + " THEN CREATE ROLE %s LOGIN; END IF; END $$".formatted(role));
      }
      sql.execute("ALTER ROLE " + OWNER + " PASSWORD '" + OWNER_PASSWORD + "'");
      sql.execute("ALTER ROLE " + APPLICATION + " PASSWORD '" + APPLICATION_PASSWORD + "'");
      sql.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
      sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
      sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APPLICATION);
    }
    try (Connection database =
            DriverManager.getConnection(
                serverUrl + "/" + DATABASE, infrastructure.username(), infrastructure.password());
        Statement sql = database.createStatement()) {
      sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
      sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
      sql.execute("GRANT USAGE ON SCHEMA public TO " + APPLICATION);
      sql.execute(
          "ALTER DEFAULT PRIVILEGES FOR ROLE "
              + OWNER
              + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
              + APPLICATION);
      sql.execute(
          "ALTER DEFAULT PRIVILEGES FOR ROLE "
              + OWNER
              + " GRANT USAGE, SELECT ON SEQUENCES TO "
              + APPLICATION);
    }
  }
}
