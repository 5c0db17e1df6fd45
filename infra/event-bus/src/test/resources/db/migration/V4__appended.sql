-- An append-only table, as a service makes one with the placeholder ${appRole} (the role it serves
-- requests with): its rows can be added and read, never changed.
CREATE TABLE appended (
  value VARCHAR(64) NOT NULL
);
REVOKE UPDATE, DELETE, TRUNCATE ON appended FROM ${appRole};
