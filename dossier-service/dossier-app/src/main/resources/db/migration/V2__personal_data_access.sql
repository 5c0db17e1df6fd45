-- Who read a person's identity, when, through which route: one row per successful read of a
-- dossier's personal data, written in the read's transaction. The reader is named by the token's
-- subject; nothing of the person read is kept here.
CREATE TABLE personal_data_access (
  access_id       BIGSERIAL    PRIMARY KEY,
  accessed_at     TIMESTAMPTZ  NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  roles           VARCHAR(255) NOT NULL,
  department_code VARCHAR(3)   NOT NULL,
  dossier_id      VARCHAR(64)  NOT NULL,
  route           VARCHAR(255) NOT NULL
);
CREATE INDEX personal_data_access_department
  ON personal_data_access (department_code, accessed_at DESC, access_id DESC);
CREATE INDEX personal_data_access_dossier ON personal_data_access (dossier_id, accessed_at DESC);
