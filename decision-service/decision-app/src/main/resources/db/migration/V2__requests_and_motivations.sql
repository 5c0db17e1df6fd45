-- The secretariat's pending list now holds renewal requests too: the term each request is for and
-- the day it was made (the submission's day for a first request). Rebuilt by replaying the
-- pending-dossiers processing group like the rest of the table.
ALTER TABLE commission_dossier
  ADD COLUMN term_number  INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN requested_on DATE;
UPDATE commission_dossier SET requested_on = (submitted_at AT TIME ZONE 'Europe/Paris')::date;
ALTER TABLE commission_dossier ALTER COLUMN requested_on SET NOT NULL;

-- The préfet's motivations (CRPA L211-2): free text that may name the person, kept outside the
-- event store so that erasure can remove it. Keyed by the decision, which the events name.
CREATE TABLE decision_motivation (
  decision_id     VARCHAR(255) PRIMARY KEY,
  dossier_id      VARCHAR(255) NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  decision        VARCHAR(32)  NOT NULL,
  motivation      TEXT         NOT NULL,
  recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX decision_motivation_dossier ON decision_motivation (dossier_id);

-- Where each pathway stands, for the people who follow it: its terms, its pending or declined
-- renewal request, its end. Projected from the Pathway's internal events (processing group
-- pathways); each row keeps when it last changed on the platform beside the domain's dates.
CREATE TABLE pathway_view (
  dossier_id        VARCHAR(255) PRIMARY KEY,
  department_code   VARCHAR(3)   NOT NULL,
  association_id    VARCHAR(255),
  stage             VARCHAR(16)  NOT NULL,
  term_number       INTEGER      NOT NULL DEFAULT 0,
  first_start_date  DATE,
  term_start_date   DATE,
  term_end_date     DATE,
  total_months      INTEGER      NOT NULL DEFAULT 0,
  pending_term      INTEGER,
  pending_since     DATE,
  last_declined     VARCHAR(32),
  last_declined_on  DATE,
  end_reason        VARCHAR(32),
  last_day          DATE,
  recorded_at       TIMESTAMPTZ  NOT NULL
);
