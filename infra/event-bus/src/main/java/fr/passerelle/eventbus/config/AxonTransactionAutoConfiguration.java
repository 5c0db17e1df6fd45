package fr.passerelle.eventbus.config;

import fr.passerelle.eventbus.processing.AsynchronousClaimExtensions;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs Axon's units of work in the database's Spring transaction: a command's events, an event
 * processor's writes and its token commit together, or not at all. Axon's own configuration of it
 * orders itself after the transaction manager's configuration under its pre-Boot-4 class name, so
 * on Boot 4 it finds no transaction manager yet and leaves Axon without transactions: each
 * statement then commits on its own, and a crash keeps some of a unit of work (a payment line
 * recorded as paid whose payment was never stored).
 */
@AutoConfiguration(
    after = DataSourceTransactionManagerAutoConfiguration.class,
    beforeName = "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.spring.messaging.unitofwork.SpringTransactionManager")
public class AxonTransactionAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(TransactionManager.class)
  TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
    return new SpringTransactionManager(transactions);
  }

  /**
   * The service's tracking processors extend their claims without waiting for the disk (ADR 61):
   * the token store, whoever made it, is wrapped.
   */
  @Bean
  static BeanPostProcessor asynchronousClaimExtensions(ObjectProvider<JdbcTemplate> jdbc) {
    Supplier<JdbcTemplate> template = SingletonSupplier.of(jdbc::getObject);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof TokenStore tokens
            ? new AsynchronousClaimExtensions(tokens, template)
            : bean;
      }
    };
  }
}
