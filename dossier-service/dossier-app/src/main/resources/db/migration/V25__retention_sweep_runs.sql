-- Each run of the retention sweep (the daily task on the persistent scheduler, or one started by
-- hand): the day it swept for and what it did, so that an operator sees when retention last ran
-- and that it ran once a day. Counts only, no dossier and no personal data.
CREATE TABLE retention_sweep_run (
  run_id     UUID        PRIMARY KEY,
  swept_on   DATE        NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  warned     INTEGER     NOT NULL,
  erased     INTEGER     NOT NULL,
  failed     INTEGER     NOT NULL
);
CREATE INDEX retention_sweep_run_day ON retention_sweep_run (swept_on);
