-- The day a dossier was submitted, as the association entered it, beside the time the submission
-- was recorded (submitted_at). Null for submissions recorded before it was entered: they are dated
-- by the day they were recorded, in France.
ALTER TABLE dossier_summary ADD COLUMN submitted_on DATE;
