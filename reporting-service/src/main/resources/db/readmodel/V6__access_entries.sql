-- Read model: the access log's entries published by every service (AccessRecorded), one row each.
CREATE TABLE access_entry (
  access_id       VARCHAR(64)  PRIMARY KEY,
  recorded_at     TIMESTAMPTZ  NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  roles           VARCHAR(255) NOT NULL,
  association_id  VARCHAR(64),
  department_code VARCHAR(3),
  dossier_id      VARCHAR(64),
  operation       VARCHAR(255) NOT NULL,
  method          VARCHAR(10)  NOT NULL,
  path            VARCHAR(255) NOT NULL,
  outcome         VARCHAR(10)  NOT NULL,
  refusal         VARCHAR(20),
  request_id      VARCHAR(128)
);

CREATE INDEX access_entry_department ON access_entry (department_code, recorded_at DESC);
CREATE INDEX access_entry_dossier ON access_entry (dossier_id, recorded_at DESC);
