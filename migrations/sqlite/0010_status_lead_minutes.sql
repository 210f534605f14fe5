-- Statuses that follow the clock: a visit may be checked in, started or completed only
-- from this many minutes before its start (a no-show only after the start). A clinic setting,
-- synced with the server's clinics.status_lead_minutes; additive, with the default every clinic
-- had in effect.
ALTER TABLE clinics ADD COLUMN status_lead_minutes INTEGER NOT NULL DEFAULT 60
  CHECK (status_lead_minutes BETWEEN 0 AND 720);
