-- Read model: one row per AFIS grant (AfisGranted), one per AFIS refusal (AfisRefused).
CREATE TABLE afis_grant (
  dossier_id           VARCHAR(64) NOT NULL,
  period_from          DATE        NOT NULL,
  period_until         DATE        NOT NULL,
  department_code      VARCHAR(3)  NOT NULL,
  monthly_amount_cents BIGINT      NOT NULL CHECK (monthly_amount_cents >= 0),
  territory            VARCHAR(16) NOT NULL,
  PRIMARY KEY (dossier_id, period_from)
);

CREATE INDEX afis_grant_period ON afis_grant (period_from, period_until);

CREATE TABLE afis_refusal (
  dossier_id      VARCHAR(64) NOT NULL,
  decided_on      DATE        NOT NULL,
  department_code VARCHAR(3)  NOT NULL,
  reason          VARCHAR(32) NOT NULL,
  PRIMARY KEY (dossier_id, decided_on)
);
