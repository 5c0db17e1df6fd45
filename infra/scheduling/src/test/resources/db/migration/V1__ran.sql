-- What the test application's tasks did: one row per execution, whichever instance ran it.
CREATE TABLE ran (
  id     BIGSERIAL PRIMARY KEY,
  task   TEXT NOT NULL,
  value  TEXT NOT NULL,
  run_by TEXT NOT NULL
);
