CREATE TABLE applied (
  id         BIGSERIAL PRIMARY KEY,
  dossier_id VARCHAR(64) NOT NULL,
  value      VARCHAR(64) NOT NULL
);
