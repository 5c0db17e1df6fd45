-- The day a dossier was submitted, as the association entered it (DossierSubmitted 0.4), beside
-- submitted_at, when dossier-service recorded it. Null for submissions published without that day:
-- the reviews then date them by the day of submitted_at in Paris, as before.
ALTER TABLE submitted_dossier ADD COLUMN submitted_on DATE;
