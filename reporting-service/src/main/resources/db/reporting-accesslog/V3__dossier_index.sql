-- A dossier's history reads reporting-service's own entries about the dossier.
CREATE INDEX reporting_access_entry_dossier ON reporting_access_entry (dossier_id, recorded_at);
