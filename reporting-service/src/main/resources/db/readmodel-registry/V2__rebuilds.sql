-- One row per rebuild of the read models, kept when it ends: where it stands, so that every
-- instance reports the same, and a rebuild interrupted by a restart can be resumed or abandoned.
-- Which instance runs a rebuild is not stored: it holds a session advisory lock, which PostgreSQL
-- releases if that instance dies (docs/adr/0007-rebuilding-read-models.md).
CREATE TABLE read_model_rebuild (
  generation INTEGER     PRIMARY KEY,
  status     VARCHAR(10) NOT NULL CHECK (status IN ('BUILDING', 'SWITCHED', 'ABANDONED')),
  remaining  BIGINT,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  checked_at TIMESTAMPTZ,
  ended_at   TIMESTAMPTZ,
  error      TEXT
);
