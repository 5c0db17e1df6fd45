-- Rights over time (benefits contracts 0.3): permits renewed and ended, AFIS renewed, suspended,
-- resumed, ended and paid month by month, refusals listing every unmet condition, jobs and
-- trainings that end, housing steps. Facts only added, each with when it was recorded (V7).

-- A permit renewed (PermitRenewed) is another permit, from the day after the previous one ended.
ALTER TABLE residence_permit
  ADD COLUMN renewal    BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN decided_on DATE;

-- A permit ended (PermitEnded): expired or withdrawn, its last day of validity. It ends the permit
-- valid that day.
CREATE TABLE permit_end (
  dossier_id      VARCHAR(64)  NOT NULL,
  ended_on        DATE         NOT NULL,
  reason          VARCHAR(32)  NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, ended_on, reason)
);

-- Every unmet condition of a refusal; refusals published before 0.3 named their first only.
ALTER TABLE afis_refusal ADD COLUMN reasons VARCHAR(32)[];
UPDATE afis_refusal SET reasons = ARRAY[reason];
ALTER TABLE afis_refusal ALTER COLUMN reasons SET NOT NULL;

-- The AFIS goes on with the pathway's renewal (AfisRenewed) until a later last day.
CREATE TABLE afis_renewal (
  dossier_id      VARCHAR(64)  NOT NULL,
  until           DATE         NOT NULL,
  decided_on      DATE         NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, until)
);

-- Suspended (AfisSuspended) or paid again (AfisResumed) from a month, kept as its first day.
CREATE TABLE afis_suspension (
  dossier_id      VARCHAR(64)  NOT NULL,
  from_month      DATE         NOT NULL,
  kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('SUSPENDED', 'RESUMED')),
  decided_on      DATE         NOT NULL,
  reason          VARCHAR(32),
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, from_month, kind)
);

-- The AFIS ended (AfisEnded): nothing due after its last day.
CREATE TABLE afis_end (
  dossier_id      VARCHAR(64)  NOT NULL,
  ended_on        DATE         NOT NULL,
  reason          VARCHAR(32)  NOT NULL,
  decided_on      DATE         NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, ended_on, reason)
);

-- One payment per beneficiary and month (AfisPaid), the month kept as its first day: the budget
-- counts by the month paid for, whenever the payment was made or recorded.
CREATE TABLE afis_payment (
  dossier_id      VARCHAR(64)  NOT NULL,
  month           DATE         NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  amount_cents    BIGINT       NOT NULL CHECK (amount_cents >= 0),
  paid_on         DATE         NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, month)
);

CREATE INDEX afis_payment_month ON afis_payment (month);

-- Jobs named again when they end; the end a fixed-term contract sets.
ALTER TABLE employment
  ADD COLUMN employment_id VARCHAR(64),
  ADD COLUMN planned_end   DATE;

CREATE INDEX employment_employment_id ON employment (employment_id);

-- A job ended (EmploymentEnded), its last day. Recorded again with another day (a correction), it
-- is another row: the reviews take the last recorded as known at their instant.
CREATE TABLE employment_end (
  employment_id   VARCHAR(64)  NOT NULL,
  end_date        DATE         NOT NULL,
  dossier_id      VARCHAR(64)  NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (employment_id, end_date)
);

-- Trainings, apart from jobs (TrainingRecorded, TrainingEnded).
CREATE TABLE training (
  training_id     VARCHAR(64)  PRIMARY KEY,
  dossier_id      VARCHAR(64)  NOT NULL,
  start_date      DATE         NOT NULL,
  planned_end     DATE,
  weekly_hours    NUMERIC(4,2),
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ
);

CREATE INDEX training_start_date ON training (start_date);

CREATE TABLE training_end (
  training_id     VARCHAR(64)  NOT NULL,
  end_date        DATE         NOT NULL,
  dossier_id      VARCHAR(64)  NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (training_id, end_date)
);

-- Where a beneficiary lives from a day (HousingStepRecorded), until the next step.
CREATE TABLE housing_step (
  dossier_id      VARCHAR(64)  NOT NULL,
  from_date       DATE         NOT NULL,
  step            VARCHAR(32)  NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  event_id        VARCHAR(255) NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  received_at     TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, from_date, step)
);
