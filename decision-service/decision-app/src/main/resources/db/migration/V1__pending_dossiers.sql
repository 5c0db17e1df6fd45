-- Read model of the commission secretariat: the dossiers registered in each département, and
-- whether they await a session. Projected from the Pathway's internal events (processing group
-- pending-dossiers); it can be dropped and rebuilt by replaying them.
CREATE TABLE commission_dossier (
  dossier_id       VARCHAR(255) PRIMARY KEY,
  department_code  VARCHAR(3)   NOT NULL,
  submitted_at     TIMESTAMPTZ  NOT NULL,
  awaiting_session BOOLEAN      NOT NULL
);

CREATE INDEX commission_dossier_awaiting
  ON commission_dossier (department_code, submitted_at)
  WHERE awaiting_session;
