-- Read model: one row per beneficiary with the rights its pathway opened, projected from the
-- service's own events (processing group beneficiary-rights). The AFIS columns are set by the
-- last event of the opening: until then the row is not shown.
CREATE TABLE beneficiary_rights (
  dossier_id                VARCHAR(255) PRIMARY KEY,
  department_code           VARCHAR(3)   NOT NULL,
  permit_valid_from         DATE,
  permit_valid_until        DATE,
  afis_granted              BOOLEAN,
  afis_monthly_amount_cents BIGINT,
  afis_territory            VARCHAR(16),
  afis_refusal_reason       VARCHAR(32)
);

-- One row per recorded employment, keyed by its event's place in the beneficiary's history.
CREATE TABLE beneficiary_employment (
  dossier_id      VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  sequence_number BIGINT       NOT NULL,
  contract_type   VARCHAR(32)  NOT NULL,
  start_date      DATE         NOT NULL,
  weekly_hours    NUMERIC      NOT NULL,
  PRIMARY KEY (dossier_id, sequence_number)
);
