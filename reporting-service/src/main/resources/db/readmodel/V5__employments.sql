-- Read model: one row per job or training a beneficiary started, projected from
-- EmploymentRecorded.
CREATE TABLE employment (
  dossier_id      VARCHAR(64)  NOT NULL,
  contract_type   VARCHAR(32)  NOT NULL,
  start_date      DATE         NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  weekly_hours    NUMERIC(4,2) NOT NULL,
  PRIMARY KEY (dossier_id, contract_type, start_date)
);

CREATE INDEX employment_start_date ON employment (start_date);
