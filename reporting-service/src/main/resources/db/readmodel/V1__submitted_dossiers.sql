-- Read model: one row per submitted dossier, projected from DossierSubmitted.
CREATE TABLE submitted_dossier (
  dossier_id      VARCHAR(64) PRIMARY KEY,
  department_code VARCHAR(3)  NOT NULL,
  nationality     CHAR(2)     NOT NULL,
  submitted_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX submitted_dossier_department ON submitted_dossier (department_code);
