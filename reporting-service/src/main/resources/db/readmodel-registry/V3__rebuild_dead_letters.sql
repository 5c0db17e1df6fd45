-- The dead letters of the generation being built, at the rebuild's last check: a generation whose
-- consumers failed or parked events is not switched to until an operator has dealt with them.
ALTER TABLE read_model_rebuild
  ADD COLUMN failed_letters INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN parked_letters INTEGER NOT NULL DEFAULT 0;
