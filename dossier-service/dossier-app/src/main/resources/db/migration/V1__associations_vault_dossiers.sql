-- Approved associations, projected from their events (processing group 'associations').
CREATE TABLE approved_association (
  association_id  VARCHAR(64)  PRIMARY KEY,
  department_code VARCHAR(3)   NOT NULL,
  name            VARCHAR(200) NOT NULL,
  approved_from   DATE         NOT NULL,
  approved_until  DATE         NOT NULL
);
CREATE INDEX approved_association_department ON approved_association (department_code);

-- The personal-data vault: one AES key per person; deleting the key erases the file.
CREATE TABLE person_key (
  person_id    VARCHAR(64) PRIMARY KEY,
  key_material BYTEA       NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE person_file (
  person_id  VARCHAR(64) PRIMARY KEY,
  ciphertext BYTEA       NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The dossiers of each département and their status, projected from their events
-- (processing group 'dossier-summaries'). No personal data.
CREATE TABLE dossier_summary (
  dossier_id      VARCHAR(64) PRIMARY KEY,
  department_code VARCHAR(3)  NOT NULL,
  association_id  VARCHAR(64),
  person_id       VARCHAR(64),
  status          VARCHAR(10) NOT NULL,
  drafted_at      TIMESTAMPTZ,
  submitted_at    TIMESTAMPTZ
);
CREATE INDEX dossier_summary_department ON dossier_summary (department_code, status);
