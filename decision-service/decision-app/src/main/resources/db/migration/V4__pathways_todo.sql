-- The to-do lists of pathways (ADR 23, ADR 37): renewals due, renewal requests awaiting a session,
-- opinions awaiting the préfet's decision. Projected from the Pathway's internal events (processing
-- group pathways-todo); it can be dropped and rebuilt by replaying them. Ids and dates only.

-- What the items need to know of each dossier: its département, the association that accompanies
-- the person (whose list shows its renewals), the last day of the term in force.
CREATE TABLE pathways_todo_dossier (
  dossier_id      VARCHAR(255) PRIMARY KEY,
  department_code VARCHAR(3)   NOT NULL,
  association_id  VARCHAR(255),
  term_end_date   DATE
);

-- An item shows from visible_from until it is closed, and no later than visible_until when it
-- has one (a renewal is due until the term's last day, not after).
CREATE TABLE pathways_todo (
  department_code VARCHAR(3)   NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  due_on          DATE         NOT NULL,
  visible_from    DATE         NOT NULL,
  visible_until   DATE,
  closed          BOOLEAN      NOT NULL,
  PRIMARY KEY (department_code, kind, subject)
);
CREATE INDEX pathways_todo_open ON pathways_todo (department_code, visible_from) WHERE NOT closed;
