-- Axon's event store, snapshots and processor tokens, in the shape Axon's JDBC engine expects
-- (see Axon's PostgresEventTableFactory and PostgresTokenTableFactory). Payloads and metadata are
-- bytea, never large objects; global_index has its own sequence.

CREATE TABLE domain_event_entry (
  global_index         BIGSERIAL    NOT NULL,
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number      BIGINT       NOT NULL,
  type                 VARCHAR(255),
  event_identifier     VARCHAR(255) NOT NULL,
  meta_data            BYTEA,
  payload              BYTEA        NOT NULL,
  payload_revision     VARCHAR(255),
  payload_type         VARCHAR(255) NOT NULL,
  time_stamp           VARCHAR(255) NOT NULL,
  PRIMARY KEY (global_index),
  UNIQUE (aggregate_identifier, sequence_number),
  UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number      BIGINT       NOT NULL,
  type                 VARCHAR(255) NOT NULL,
  event_identifier     VARCHAR(255) NOT NULL,
  meta_data            BYTEA,
  payload              BYTEA        NOT NULL,
  payload_revision     VARCHAR(255),
  payload_type         VARCHAR(255) NOT NULL,
  time_stamp           VARCHAR(255) NOT NULL,
  PRIMARY KEY (aggregate_identifier, sequence_number),
  UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
  processor_name VARCHAR(255) NOT NULL,
  segment        INTEGER      NOT NULL,
  token          BYTEA        NULL,
  token_type     VARCHAR(255) NULL,
  timestamp      VARCHAR(255) NULL,
  owner          VARCHAR(255) NULL,
  PRIMARY KEY (processor_name, segment)
);
