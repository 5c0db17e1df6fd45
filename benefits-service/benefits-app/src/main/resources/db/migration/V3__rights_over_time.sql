-- Rights over time (issue 10): the pathway's dates, the permit and the AFIS as decisions, the
-- AFIS month by month, outcomes that end. Every table is a read model projected from the
-- service's own events (processing group beneficiary-rights), except the payment runs' lines,
-- written by the payment executor in the transaction that pays them.

-- A beneficiary is shown once registered: rights are decided later, or never. Rows of
-- beneficiaries registered before this version keep these columns empty.
ALTER TABLE beneficiary_rights
  ADD COLUMN nationality          VARCHAR(2),
  ADD COLUMN pathway_decided_on   DATE,
  ADD COLUMN pathway_start        DATE,
  ADD COLUMN pathway_end          DATE,
  ADD COLUMN pathway_last_day     DATE,
  ADD COLUMN permit_decided_on    DATE,
  ADD COLUMN permit_ended_on      DATE,
  ADD COLUMN permit_end_reason    VARCHAR(16),
  ADD COLUMN permit_refused_on    DATE,
  ADD COLUMN permit_refusal       VARCHAR(32),
  ADD COLUMN permit_refusal_renewal BOOLEAN,
  ADD COLUMN afis_from            DATE,
  ADD COLUMN afis_until           DATE,
  ADD COLUMN afis_decided_on      DATE,
  ADD COLUMN afis_ended_on        DATE,
  ADD COLUMN afis_end_reason      VARCHAR(32);

CREATE INDEX beneficiary_rights_permit_until ON beneficiary_rights (department_code, permit_valid_until);
CREATE INDEX beneficiary_rights_afis ON beneficiary_rights (department_code, afis_from);

CREATE TABLE beneficiary_afis_request (
  request_id      VARCHAR(255) PRIMARY KEY,
  dossier_id      VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  requested_on    DATE         NOT NULL,
  children        INTEGER      NOT NULL,
  decided_on      DATE,
  granted         BOOLEAN,
  refusal_reasons VARCHAR(200)
);
CREATE INDEX beneficiary_afis_request_dossier ON beneficiary_afis_request (dossier_id);

-- The household counted from each month on (first day of the month).
CREATE TABLE beneficiary_afis_household (
  dossier_id VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  from_month DATE         NOT NULL,
  children   INTEGER      NOT NULL,
  PRIMARY KEY (dossier_id, from_month)
);

-- Months the préfet suspended: from from_month until the month before until_month (open: NULL).
CREATE TABLE beneficiary_afis_suspension (
  dossier_id  VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  from_month  DATE         NOT NULL,
  until_month DATE,
  decided_on  DATE         NOT NULL,
  reason      VARCHAR(32)  NOT NULL,
  PRIMARY KEY (dossier_id, from_month)
);

-- One payment per beneficiary and month, as the event store guarantees.
CREATE TABLE beneficiary_afis_payment (
  dossier_id              VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  month                   DATE         NOT NULL,
  department_code         VARCHAR(3)   NOT NULL,
  amount_cents            BIGINT       NOT NULL,
  full_month_amount_cents BIGINT       NOT NULL,
  children                INTEGER      NOT NULL,
  scale_reference         VARCHAR(100) NOT NULL,
  one_off_aid_cents       BIGINT,
  one_off_aid_reference   VARCHAR(100),
  payment_run_id          VARCHAR(255) NOT NULL,
  paid_on                 DATE         NOT NULL,
  PRIMARY KEY (dossier_id, month)
);
CREATE INDEX beneficiary_afis_payment_month ON beneficiary_afis_payment (department_code, month);

CREATE TABLE beneficiary_afis_overpayment (
  dossier_id      VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  sequence_number BIGINT       NOT NULL,
  month           DATE         NOT NULL,
  amount_cents    BIGINT       NOT NULL,
  recorded_on     DATE         NOT NULL,
  PRIMARY KEY (dossier_id, sequence_number, month)
);

ALTER TABLE beneficiary_employment
  ADD COLUMN employment_id VARCHAR(255),
  ADD COLUMN end_date      DATE,
  ADD COLUMN ended_on      DATE;
CREATE UNIQUE INDEX beneficiary_employment_id ON beneficiary_employment (employment_id);

CREATE TABLE beneficiary_training (
  training_id  VARCHAR(255) PRIMARY KEY,
  dossier_id   VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  start_date   DATE         NOT NULL,
  end_date     DATE,
  weekly_hours NUMERIC,
  ended_on     DATE
);

CREATE TABLE beneficiary_housing (
  dossier_id      VARCHAR(255) NOT NULL REFERENCES beneficiary_rights (dossier_id),
  sequence_number BIGINT       NOT NULL,
  step            VARCHAR(32)  NOT NULL,
  from_date       DATE         NOT NULL,
  PRIMARY KEY (dossier_id, sequence_number)
);

-- Payment runs: one row per confirmed run (projected), one per line once paid or passed
-- (written by the executor with the payment).
CREATE TABLE afis_payment_run (
  run_id          VARCHAR(255) PRIMARY KEY,
  department_code VARCHAR(3)   NOT NULL,
  month           DATE         NOT NULL,
  confirmed_on    DATE         NOT NULL,
  lines           INTEGER      NOT NULL
);
CREATE INDEX afis_payment_run_month ON afis_payment_run (department_code, month);

CREATE TABLE afis_payment_run_line (
  run_id     VARCHAR(255) NOT NULL,
  dossier_id VARCHAR(255) NOT NULL,
  outcome    VARCHAR(32)  NOT NULL,
  paid_cents BIGINT       NOT NULL,
  PRIMARY KEY (run_id, dossier_id)
);
