-- Events a consumer could not apply (FAILED), and the later events of the same dossier parked
-- behind them (PARKED) so that a dossier's events are applied in order. An operator retries or
-- discards a FAILED letter; its dossier's PARKED letters are then applied in order.
CREATE TABLE eventbus_dead_letter (
  id              BIGSERIAL    PRIMARY KEY,
  consumer        VARCHAR(100) NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  event_type      VARCHAR(255) NOT NULL,
  event_source    VARCHAR(255) NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  topic           VARCHAR(255) NOT NULL,
  kafka_partition INTEGER      NOT NULL,
  kafka_offset    BIGINT       NOT NULL,
  event_time      TIMESTAMPTZ  NOT NULL,
  data            TEXT         NOT NULL,
  status          VARCHAR(10)  NOT NULL CHECK (status IN ('FAILED', 'PARKED')),
  error           TEXT,
  attempts        INTEGER      NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  UNIQUE (consumer, event_id)
);

CREATE INDEX eventbus_dead_letter_subject ON eventbus_dead_letter (consumer, subject, id);
