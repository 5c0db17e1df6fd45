-- Read model: one row per temporary residence permit (APS) issued, projected from PermitIssued.
-- A renewal is another permit, from a later day.
CREATE TABLE residence_permit (
  dossier_id      VARCHAR(64) NOT NULL,
  valid_from      DATE        NOT NULL,
  valid_until     DATE        NOT NULL,
  department_code VARCHAR(3)  NOT NULL,
  PRIMARY KEY (dossier_id, valid_from)
);

CREATE INDEX residence_permit_valid_from ON residence_permit (valid_from);
