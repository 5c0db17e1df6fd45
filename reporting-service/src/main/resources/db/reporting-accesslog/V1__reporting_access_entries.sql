-- The access log's entries of reporting-service itself (its reads of the access log): kept here,
-- outside the read-model generations, since they come from no topic a rebuild could replay.
-- Append-only for the service's role.
CREATE TABLE reporting_access_entry (
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

CREATE INDEX reporting_access_entry_department
  ON reporting_access_entry (department_code, recorded_at DESC);
