-- A pathway's life after its first decision, each fact with when it was recorded (V7): the
-- renewals asked for, renewals refused, ends. A renewal granted is another term (pathway_term).

CREATE TABLE renewal_request (
  request_id      VARCHAR(64)  PRIMARY KEY,
  dossier_id      VARCHAR(64)  NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  requested_on    DATE         NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ
);

CREATE INDEX renewal_request_requested_on ON renewal_request (requested_on);

CREATE TABLE renewal_refusal (
  dossier_id      VARCHAR(64)  NOT NULL,
  term_number     INTEGER      NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  decided_on      DATE         NOT NULL,
  reason          VARCHAR(32)  NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, term_number, decided_on)
);

CREATE INDEX renewal_refusal_decided_on ON renewal_refusal (decided_on);

-- A pathway's end: its last day, why, and the term it ended in. Recorded again with another last
-- day (a correction), it is another row: the reviews take the end as known at their instant.
CREATE TABLE pathway_end (
  dossier_id      VARCHAR(64)  NOT NULL,
  last_day        DATE         NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  reason          VARCHAR(32)  NOT NULL,
  decided_on      DATE,
  term_number     INTEGER      NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, last_day, reason)
);

CREATE INDEX pathway_end_last_day ON pathway_end (last_day);
CREATE INDEX pathway_term_decided_on ON pathway_term (decided_on);
