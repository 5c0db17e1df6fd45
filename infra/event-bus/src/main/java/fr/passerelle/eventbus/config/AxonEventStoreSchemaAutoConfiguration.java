package fr.passerelle.eventbus.config;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Names the tables and columns of Axon's JDBC event store and token store in PostgreSQL's usual
 * snake case, as {@code db/eventbus/eventstore} creates them (Axon's defaults are unquoted camel
 * case, which PostgreSQL folds to unreadable lower case).
 */
// After the data source's: Axon's JDBC configuration needs the data source but does not say so
// (its ordering names Boot 3 classes), and comes after this one, hence after the data source too.
@AutoConfiguration(
    after = DataSourceAutoConfiguration.class,
    beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.eventsourcing.eventstore.jdbc.EventSchema")
public class AxonEventStoreSchemaAutoConfiguration {

  @Bean
  EventSchema eventSchema() {
    return EventSchema.builder()
        .eventTable("domain_event_entry")
        .snapshotTable("snapshot_event_entry")
        .globalIndexColumn("global_index")
        .timestampColumn("time_stamp")
        .eventIdentifierColumn("event_identifier")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .typeColumn("type")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .build();
  }

  @Bean
  TokenSchema tokenSchema() {
    return TokenSchema.builder()
        .setTokenTable("token_entry")
        .setProcessorNameColumn("processor_name")
        .setSegmentColumn("segment")
        .setTokenColumn("token")
        .setTokenTypeColumn("token_type")
        .setTimestampColumn("timestamp")
        .setOwnerColumn("owner")
        .build();
  }
}
