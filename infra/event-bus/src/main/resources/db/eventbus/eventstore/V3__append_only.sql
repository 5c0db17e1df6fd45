-- The event store is the service's history and holds its access log's entries, and the record of
-- the events an operator skipped is evidence too: the service's application role appends to them
-- and never changes or removes what they hold.
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM ${appRole};
REVOKE UPDATE, DELETE, TRUNCATE ON eventbus_outbox_skipped FROM ${appRole};
