-- Generation numbers from a sequence, so that two instances never pick the same one and a
-- dropped generation's number (its schema, its consumer groups, its rebuild's record) is never
-- used again.
CREATE SEQUENCE read_model_generation_number;

SELECT setval(
  'read_model_generation_number',
  GREATEST(
    (SELECT COALESCE(max(generation), 0) FROM read_model_generation),
    (SELECT COALESCE(max(generation), 0) FROM read_model_rebuild)) + 1,
  false);
