-- The trace each handler's log lines name, for the tracing test.
ALTER TABLE traced ADD COLUMN trace_id VARCHAR(32);
ALTER TABLE applied ADD COLUMN trace_id VARCHAR(32);
