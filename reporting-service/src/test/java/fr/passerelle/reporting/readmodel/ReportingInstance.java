package fr.passerelle.reporting.readmodel;

import fr.passerelle.reporting.ReportingApplication;
import fr.passerelle.testsupport.PasserelleInfrastructureInitializer;
import fr.passerelle.testsupport.PostgresProcess;
import fr.passerelle.testsupport.TestHttp;
import fr.passerelle.testsupport.TestInfrastructure;
import fr.passerelle.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One reporting-service instance, started in the test's JVM on a random port against the shared
 * PostgreSQL and Kafka. Instances started under the same {@code name} share their database (named
 * after it) and consumer groups, as the instances of one deployment do; another name is another
 * deployment, with a database of its own.
 */
final class ReportingInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private ReportingInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static ReportingInstance start(String name, String... settings) {
    return start(name, new Class<?>[0], settings);
  }

  /** An instance with {@code extras} among its configuration classes. */
  static ReportingInstance start(String name, Class<?>[] extras, String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--spring.application.name=" + name);
    // its own database and consumer groups, yet reporting-service's routes
    arguments.add("--passerelle.edge.service=reporting-service");
    arguments.add("--server.port=0");
    for (String setting : settings) {
      arguments.add("--" + setting);
    }
    return new ReportingInstance(
        new SpringApplicationBuilder(ReportingApplication.class)
            .sources(extras)
            .initializers(new PasserelleInfrastructureInitializer())
            .run(arguments.toArray(String[]::new)));
  }

  /**
   * An instance on a PostgreSQL server of the caller's (e.g. one with durable commits, for a
   * benchmark) rather than the shared one; Kafka and the test issuer as usual.
   */
  static ReportingInstance startOn(PostgresProcess postgres, String name, String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--spring.application.name=" + name);
    // its own database and consumer groups, yet reporting-service's routes
    arguments.add("--passerelle.edge.service=reporting-service");
    arguments.add("--server.port=0");
    arguments.add("--spring.datasource.url=" + postgres.jdbcUrl(name.replace('-', '_')));
    arguments.add("--spring.datasource.username=" + postgres.username());
    arguments.add("--spring.datasource.password=" + postgres.password());
    arguments.add(
        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers());
    arguments.add("--passerelle.security.jwt.issuer=" + TestTokens.ISSUER);
    arguments.add(
        "--passerelle.security.jwt.public-key=" + TestTokens.publicKeyPem().toUri().toString());
    for (String setting : settings) {
      arguments.add("--" + setting);
    }
    return new ReportingInstance(
        new SpringApplicationBuilder(ReportingApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  /** An operator's client: ADMIN calls the admin endpoints (and reads reviews withheld). */
  TestHttp admin() {
    return TestHttp.onPort(port()).as(TestTokens.staff("ADMIN", "*"));
  }

  /** The département's préfecture, which reads its review's exact figures, small cells included. */
  TestHttp staffOf(String departmentCode) {
    return TestHttp.onPort(port()).as(TestTokens.staff("PREFECTURE", departmentCode));
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcTemplate jdbc() {
    return bean(JdbcTemplate.class);
  }

  boolean isRunning() {
    return context.isRunning();
  }

  /**
   * The consumer groups of generation {@code generation}'s rebuild in the instances named {@code
   * name}, as the broker knows them.
   */
  static List<String> rebuildGroups(String name, int generation) {
    try (var admin =
        Admin.create(
            Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
      return admin.listConsumerGroups().all().get().stream()
          .map(ConsumerGroupListing::groupId)
          .filter(group -> group.startsWith(name + ".") && group.endsWith(".g" + generation))
          .toList();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
