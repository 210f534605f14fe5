-- Statuses that follow the clock: a visit may be checked in, started or completed only
-- from this many minutes before its start. A clinic setting, synced to the desks (sync_pull reads
-- a table's columns from the catalog, so the new column travels without touching the sync RPCs);
-- the desks' local schema gets the same column in migrations/sqlite/0010_status_lead_minutes.sql.
-- The desk applies the rule when it changes a status; sync_push does not re-check it: a push
-- arrives after the change was made at the desk (often much later, after an outage), so the
-- server's clock says nothing about when the receptionist acted.
alter table public.clinics
  add column status_lead_minutes integer not null default 60
    constraint clinics_status_lead_minutes_range check (status_lead_minutes between 0 and 720);
