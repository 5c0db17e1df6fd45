-- The rows that held the plaintext keys before V6 wrapped them are dead tuples of the table's files
-- until vacuumed: rewrite the table so that they are gone from its files (a dump never showed
-- them, a copy of the data directory would have).
VACUUM FULL person_key;
