-- A renewal request's updated plan and what was achieved (ADR 31): free text that may name the
-- person, kept beside the event store (which holds the request's ids and date only) so that it can
-- be erased; written in the request's transaction.
CREATE TABLE renewal_plan (
  request_id   VARCHAR(255) PRIMARY KEY,
  dossier_id   VARCHAR(255) NOT NULL,
  plan         TEXT         NOT NULL,
  achievements TEXT         NOT NULL,
  recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX renewal_plan_dossier ON renewal_plan (dossier_id);
