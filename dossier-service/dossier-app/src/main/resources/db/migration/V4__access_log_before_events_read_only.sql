-- The access log's entries recorded before they became events are kept as they are.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON personal_data_access_before_events FROM ${appRole};
