-- From this version on, each entry of the access log is an event of the event store, published on
-- dossier.events; reporting-service gathers the entries of every service and serves the access
-- log. The entries recorded before stay in this table, which nothing writes any more.
ALTER TABLE personal_data_access RENAME TO personal_data_access_before_events;
