-- The to-do lists of rights and payments: items opened and closed by the service's events
-- (processing group rights-todo), and the months' payment runs due, opened each day by the
-- persistent scheduler. An item shows from visible_from until it is closed.
CREATE TABLE rights_todo (
  department_code VARCHAR(3)   NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  subject         VARCHAR(255) NOT NULL,
  due_on          DATE         NOT NULL,
  visible_from    DATE         NOT NULL,
  closed          BOOLEAN      NOT NULL,
  PRIMARY KEY (department_code, kind, subject)
);
CREATE INDEX rights_todo_open ON rights_todo (department_code, visible_from) WHERE NOT closed;
