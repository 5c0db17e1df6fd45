-- The generations of the read models (docs/adr/0007-rebuilding-read-models.md): one schema each.
-- IF NOT EXISTS: databases created before this migration already have the table.
CREATE TABLE IF NOT EXISTS read_model_generation (
  generation   INTEGER     PRIMARY KEY,
  schema_name  VARCHAR(63) NOT NULL UNIQUE,
  status       VARCHAR(10) NOT NULL CHECK (status IN ('BUILDING', 'ACTIVE', 'RETIRED')),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  activated_at TIMESTAMPTZ
);

-- At most one generation is read and written at a time.
CREATE UNIQUE INDEX read_model_generation_one_active
  ON read_model_generation (status) WHERE status = 'ACTIVE';
