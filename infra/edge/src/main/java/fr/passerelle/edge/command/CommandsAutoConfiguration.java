package fr.passerelle.edge.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The command dispatcher, in every service that handles commands with Axon. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.commandhandling.gateway.CommandGateway")
public class CommandsAutoConfiguration {

  @Bean
  @ConditionalOnBean(CommandGateway.class)
  Commands commands(CommandGateway gateway) {
    return new Commands(gateway);
  }
}
