-- When each value was applied, for the pipeline benchmark's latencies.
ALTER TABLE applied ADD COLUMN applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp();
