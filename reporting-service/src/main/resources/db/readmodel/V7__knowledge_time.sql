-- Knowledge time beside domain time (docs/adr, bitemporal read models): every fact keeps the event
-- it came from, when its service recorded that event (ce_time) and when the bus took it (the
-- Kafka record's timestamp). Facts are only ever added; reviews "as known at" an instant count
-- those recorded by then.
--
-- Facts projected before this migration did not keep their times: they count as known from the
-- beginning ('-infinity') until a rebuild gives them their own.
ALTER TABLE submitted_dossier
  ADD COLUMN event_id    VARCHAR(255),
  ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
  ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE submitted_dossier ALTER COLUMN recorded_at DROP DEFAULT;

ALTER TABLE pathway_decision
  ADD COLUMN event_id    VARCHAR(255),
  ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
  ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE pathway_decision ALTER COLUMN recorded_at DROP DEFAULT;

ALTER TABLE residence_permit
  ADD COLUMN event_id    VARCHAR(255),
  ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
  ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE residence_permit ALTER COLUMN recorded_at DROP DEFAULT;

ALTER TABLE afis_grant
  ADD COLUMN event_id    VARCHAR(255),
  ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
  ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE afis_grant ALTER COLUMN recorded_at DROP DEFAULT;

ALTER TABLE afis_refusal
  ADD COLUMN event_id    VARCHAR(255),
  ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
  ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE afis_refusal ALTER COLUMN recorded_at DROP DEFAULT;

ALTER TABLE employment
  ADD COLUMN event_id    VARCHAR(255),
  ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
  ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE employment ALTER COLUMN recorded_at DROP DEFAULT;

-- The terms of a pathway as the préfet authorised them: the first from PathwayValidated, each
-- renewal another. What "in progress at a date" and "accompanied during a period" count on.
CREATE TABLE pathway_term (
  dossier_id      VARCHAR(64)  NOT NULL,
  term_number     INTEGER      NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  decided_on      DATE         NOT NULL,
  start_date      DATE         NOT NULL,
  end_date        DATE         NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, term_number)
);

CREATE INDEX pathway_term_dates ON pathway_term (start_date, end_date);
