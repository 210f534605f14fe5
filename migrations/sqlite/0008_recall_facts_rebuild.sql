-- A first download of a large clinic also leaves the recall-facts triggers of migration 0006 out:
-- per row they cost about as much as the insert itself (at 200k appointments, 2-5 s of a ~10 s
-- download, more the more completed visits), while recomputing the facts from the rows afterwards
-- costs a fraction of that. The triggers' definitions wait in deferred_indexes (which holds
-- deferred triggers too). At the end the triggers come back first, and the facts are recomputed
-- for a range of patients per short transaction; this row holds the next patient rowid to do, so
-- a crash or kill in between resumes at the next start (electron/db/repos/recall-facts-rebuild.ts).
CREATE TABLE recall_facts_rebuild (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  next_rowid  INTEGER NOT NULL
);

-- The facts from indexes alone: the rebuild's per-patient "latest visit", "latest open
-- appointment", types and doctors (and the recount triggers) read one covering index entry per
-- appointment instead of the row itself (~8 s of random page reads at 200k appointments). A
-- partial index is only covering when it holds the columns of its own WHERE clause too, so the
-- completed-visits index of migration 0004 is rebuilt with status and deleted_at, and the open
-- appointments get one of their own.
DROP INDEX appointments_completed_by_patient;
CREATE INDEX appointments_completed_by_patient
  ON appointments(patient_id, appointment_type_id, doctor_id, completed_at, ends_at, status, deleted_at)
  WHERE status = 'completed' AND deleted_at IS NULL;
CREATE INDEX appointments_open_by_patient ON appointments(patient_id, starts_at, status, deleted_at)
  WHERE status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND deleted_at IS NULL;
