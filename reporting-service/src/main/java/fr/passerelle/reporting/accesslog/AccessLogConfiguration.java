package fr.passerelle.reporting.accesslog;

import fr.passerelle.edge.audit.AccessLog;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** reporting-service's own access log: its table, migrated on start, and its writer. */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

  @Bean
  AccessLog localAccessLog(DataSource dataSource, JdbcTemplate jdbc) {
    Flyway.configure()
        .dataSource(dataSource)
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
