-- An internal event the outbox cannot turn into its integration event (the mapper or the payload's
-- deserialisation fails): the outbox stops on it, in order, retrying, until a fix is deployed or an
-- operator skips it. One row while it blocks; removed once the outbox has gone past it.
CREATE TABLE eventbus_outbox_blocked (
  event_id        VARCHAR(255) PRIMARY KEY,
  global_index    BIGINT       NOT NULL,
  payload_type    VARCHAR(255) NOT NULL,
  error           TEXT         NOT NULL,
  attempts        INTEGER      NOT NULL DEFAULT 1,
  first_failed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  last_failed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every event an operator chose not to publish: what, why it was blocked, who skipped it and when.
-- A permanent record: rows are only ever added.
CREATE TABLE eventbus_outbox_skipped (
  event_id     VARCHAR(255) PRIMARY KEY,
  global_index BIGINT       NOT NULL,
  payload_type VARCHAR(255) NOT NULL,
  error        TEXT         NOT NULL,
  skipped_by   VARCHAR(255) NOT NULL,
  skipped_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The record of the events an operator skipped is evidence, as the event store is (V2): the
-- service's application role appends to it and never changes or removes what it holds.
REVOKE UPDATE, DELETE, TRUNCATE ON eventbus_outbox_skipped FROM ${appRole};
