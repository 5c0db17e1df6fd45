-- One row per integration event a consumer has applied, written in the same transaction as the
-- effect: a row present means the effect happened, so a redelivered event is skipped.
CREATE TABLE eventbus_inbox (
  consumer        VARCHAR(100) NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  event_type      VARCHAR(255) NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  topic           VARCHAR(255) NOT NULL,
  kafka_partition INTEGER      NOT NULL,
  kafka_offset    BIGINT       NOT NULL,
  event_time      TIMESTAMPTZ  NOT NULL,
  applied_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
