-- The event store is the service's history and holds its access log's entries: the service's
-- application role appends to it and never changes or removes what it holds.
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM ${appRole};
