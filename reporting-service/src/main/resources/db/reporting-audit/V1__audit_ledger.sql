-- The audit ledger: every event reporting-service receives, once, chained (docs/adr, the history
-- that proves itself). Outside the read-model generations: it is evidence of what was received
-- when, never rebuilt.
--
-- Each row's canonical bytes (CanonicalBytes) cover every column but the links and the person's
-- data; the person's data is covered by its salted digest, so that an erasure can remove the data
-- and its salt and leave the chains whole.
CREATE TABLE audit_event (
  position         BIGINT       PRIMARY KEY,
  event_id         VARCHAR(255) NOT NULL UNIQUE,
  event_type       VARCHAR(255) NOT NULL,
  source           VARCHAR(255) NOT NULL,
  subject          VARCHAR(255) NOT NULL,
  subject_position INTEGER      NOT NULL,
  department_code  VARCHAR(3),
  recorded_at      TIMESTAMPTZ  NOT NULL,
  bus_time         TIMESTAMPTZ,
  received_at      TIMESTAMPTZ  NOT NULL,
  domain_date      DATE,
  request_id       VARCHAR(128),
  actor_subject    VARCHAR(255),
  actor_roles      VARCHAR(255) NOT NULL,
  facts            TEXT         NOT NULL,
  person_digest    BYTEA,
  person_data      TEXT,
  person_salt      BYTEA,
  subject_link     BYTEA        NOT NULL,
  global_link      BYTEA        NOT NULL,
  UNIQUE (subject, subject_position)
);

CREATE INDEX audit_event_department ON audit_event (department_code, position);
CREATE INDEX audit_event_received ON audit_event (received_at, position);
-- the platform's first recorded event: the earliest instant a review can be asked "as known at"
CREATE INDEX audit_event_recorded ON audit_event (recorded_at);

-- The service appends; it may only ever change the person's data and its salt, to erase them.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${appRole};
GRANT UPDATE (person_data, person_salt) ON audit_event TO ${appRole};

-- Each day's seal of the ledger: the global chain's last link by the end of the day (Paris time)
-- and a digest of every subject chain's last link then. Published on reporting.events through the
-- outbox below.
CREATE TABLE audit_seal (
  day             DATE         PRIMARY KEY,
  last_position   BIGINT       NOT NULL,
  last_link       BYTEA        NOT NULL,
  subjects        INTEGER      NOT NULL,
  subjects_digest BYTEA        NOT NULL,
  sealed_at       TIMESTAMPTZ  NOT NULL
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM ${appRole};

-- What reporting-service publishes, written in the transaction that decides it and sent to Kafka
-- afterwards, in order; a row is marked once Kafka acknowledged it.
CREATE TABLE reporting_outbox (
  id           BIGSERIAL    PRIMARY KEY,
  event_id     VARCHAR(64)  NOT NULL UNIQUE,
  event_type   VARCHAR(255) NOT NULL,
  subject      VARCHAR(255) NOT NULL,
  data         TEXT         NOT NULL,
  recorded_at  TIMESTAMPTZ  NOT NULL,
  published_at TIMESTAMPTZ
);

CREATE INDEX reporting_outbox_unpublished ON reporting_outbox (id) WHERE published_at IS NULL;

REVOKE DELETE, TRUNCATE ON reporting_outbox FROM ${appRole};
