-- When the members were convened to a session, if the secretariat recorded it (sessions entered
-- from earlier records may not say), and whether the session was called in urgency.
ALTER TABLE session_minutes
  ADD COLUMN convocation_sent_on DATE,
  ADD COLUMN convocation_urgent BOOLEAN;
