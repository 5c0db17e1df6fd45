-- Retention (processing group 'retention' and the consumer 'retention-contacts'): each dossier's
-- stage, the last day something happened with the person, the erasure day the association was
-- told. No personal data.
CREATE TABLE retention_schedule (
  dossier_id           VARCHAR(64) PRIMARY KEY,
  department_code      VARCHAR(3)  NOT NULL,
  association_id       VARCHAR(64),
  stage                VARCHAR(10) NOT NULL
                       CHECK (stage IN ('DRAFT', 'SUBMITTED', 'CLOSED', 'ERASED')),
  last_contact         DATE        NOT NULL,
  announced_erasure_on DATE,
  erased_on            DATE
);
CREATE INDEX retention_schedule_due ON retention_schedule (stage, last_contact);
CREATE INDEX retention_schedule_announced
  ON retention_schedule (department_code, announced_erasure_on)
  WHERE announced_erasure_on IS NOT NULL;

-- The dossiers of earlier versions: drafts from their drafting, submissions from their submission
-- (the decisions and rights that followed come from the other services' topics, read from their
-- beginning by the new consumer), withdrawn drafts already erased.
INSERT INTO retention_schedule (dossier_id, department_code, association_id, stage, last_contact)
SELECT dossier_id, department_code, association_id,
       CASE status WHEN 'DRAFT' THEN 'DRAFT' WHEN 'SUBMITTED' THEN 'SUBMITTED' ELSE 'ERASED' END,
       CAST(COALESCE(submitted_at, drafted_at, now()) AS DATE)
FROM dossier_summary;
