-- The persons' data keys are kept wrapped by a key-encryption key that never enters the database
-- (the key store, passerelle.vault.key-store): a dump or backup of this database decrypts nobody.
-- The plaintext keys of earlier versions are wrapped by the next migration, which then drops
-- key_material.
ALTER TABLE person_key
  ADD COLUMN kek_version INTEGER,
  ADD COLUMN wrapped_key BYTEA,
  ALTER COLUMN key_material DROP NOT NULL;
CREATE INDEX person_key_kek_version ON person_key (kek_version);

-- The vault is dossier-service's alone: nobody but the owner and the service's role (which get
-- their rights from the owner's default privileges) may touch it, whatever PUBLIC is granted.
REVOKE ALL ON person_key, person_file FROM PUBLIC;
