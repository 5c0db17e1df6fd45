-- Read model: one row per decision of the préfet on a pathway, projected from PathwayValidated
-- and PathwayRefused. A renewal published as another decision is another row.
CREATE TABLE pathway_decision (
  dossier_id         VARCHAR(64) NOT NULL,
  decided_on         DATE        NOT NULL,
  outcome            VARCHAR(16) NOT NULL CHECK (outcome IN ('VALIDATED', 'REFUSED')),
  department_code    VARCHAR(3)  NOT NULL,
  nationality        CHAR(2)     NOT NULL,
  trafficking_victim BOOLEAN     NOT NULL,
  PRIMARY KEY (dossier_id, decided_on, outcome)
);

CREATE INDEX pathway_decision_decided_on ON pathway_decision (decided_on);
