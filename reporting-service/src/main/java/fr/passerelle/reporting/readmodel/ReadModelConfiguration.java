package fr.passerelle.reporting.readmodel;

import fr.passerelle.eventbus.config.SchemaOwner;
import fr.passerelle.eventbus.consume.EventConsumers;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the read-model generations: every connection of the service goes through the router, and
 * every transaction that applies events through the gate.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

  @Bean
  static SchemaSelector schemaSelector() {
    return new SchemaSelector();
  }

  @Bean
  static BeanPostProcessor generationRouting(SchemaSelector schemaSelector) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource
                && !(bean instanceof GenerationRoutingDataSource)
            ? new GenerationRoutingDataSource(dataSource, schemaSelector)
            : bean;
      }
    };
  }

  @Bean
  ReadModelGenerations readModelGenerations(
      DataSource dataSource,
      SchemaOwner owner,
      SchemaSelector schemaSelector,
      PlatformTransactionManager transactionManager) {
    return new ReadModelGenerations(dataSource, owner, schemaSelector, transactionManager);
  }

  @Bean
  ReadModelRebuild readModelRebuild(
      ReadModelGenerations generations,
      SchemaSelector schemaSelector,
      EventConsumers consumers,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      // a rebuild switches over at the first check after it caught up: every second left it
      // waiting half a second on average, a tenth of a rebuild over 50,000 events
      @Value("${passerelle.read-models.rebuild.check-every:250ms}") Duration checkEvery) {
    return new ReadModelRebuild(
        generations, schemaSelector, consumers, dataSource, transactionManager, checkEvery);
  }

  /** Live deliveries take their share of the switch lock and write to the active generation. */
  @Bean
  GenerationGate generationGate(JdbcTemplate jdbc, SchemaSelector schemaSelector) {
    return new GenerationGate(jdbc, schemaSelector);
  }
}
