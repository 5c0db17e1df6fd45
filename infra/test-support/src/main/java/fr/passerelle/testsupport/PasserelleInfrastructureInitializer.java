package fr.passerelle.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application under test at the shared {@link TestInfrastructure}: its own
 * database, named after {@code spring.application.name}, the shared Kafka broker, and the test
 * identity provider's key ({@link TestTokens}).
 */
public class PasserelleInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    String application = environment.getRequiredProperty("spring.application.name");
    var infrastructure = TestInfrastructure.get();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "passerelle-test-infrastructure",
                Map.of(
                    "spring.datasource.url",
                    infrastructure.jdbcUrl(application.replace('-', '_')),
                    "spring.datasource.username",
                    infrastructure.username(),
                    "spring.datasource.password",
                    infrastructure.password(),
                    "spring.kafka.bootstrap-servers",
                    infrastructure.kafkaBootstrapServers(),
                    "passerelle.security.jwt.issuer",
                    TestTokens.ISSUER,
                    "passerelle.security.jwt.public-key",
                    TestTokens.publicKeyPem().toUri().toString())));
  }
}
