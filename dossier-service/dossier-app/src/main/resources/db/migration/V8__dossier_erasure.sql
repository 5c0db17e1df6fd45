-- What a dossier's page says of its person's data: a request awaiting the préfecture's
-- confirmation, or when and why it was erased. The vault's person id is cleared with the data.
ALTER TABLE dossier_summary
  ADD COLUMN erasure_received_on DATE,
  ADD COLUMN erased_at           TIMESTAMPTZ,
  ADD COLUMN erasure_reason      VARCHAR(40);
