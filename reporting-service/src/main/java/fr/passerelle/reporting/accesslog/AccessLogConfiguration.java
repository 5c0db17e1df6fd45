package fr.passerelle.reporting.accesslog;

import fr.passerelle.edge.audit.AccessLog;
import fr.passerelle.eventbus.config.SchemaOwner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * reporting-service's own access log: its table, migrated on start by the database's owner and
 * append-only for the service, and its writer.
 */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

  @Bean
  AccessLog localAccessLog(SchemaOwner owner, JdbcTemplate jdbc) {
    owner
        .flyway()
        .schemas("public")
        .defaultSchema("public")
        .locations("classpath:db/reporting-accesslog")
        .table("reporting_accesslog_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new LocalAccessLog(jdbc);
  }
}
