CREATE TABLE traced (
  value      VARCHAR(64) NOT NULL,
  request_id VARCHAR(64)
);
