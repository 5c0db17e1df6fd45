-- reporting-service's own access log entries: appended, never changed nor removed by the service.
REVOKE UPDATE, DELETE, TRUNCATE ON reporting_access_entry FROM ${appRole};
