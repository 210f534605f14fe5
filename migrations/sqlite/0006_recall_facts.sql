-- Recall criteria at 200k patients / 1M appointments: the count used to group the whole
-- completed-visits index (~150 MB) and read the patients table (~60 MB) through a 32 MiB page
-- cache, decrypting ~50k pages per count (600-900 ms). These local-only facts hold the same
-- answers in ~20 MB: integer keys instead of 36-character ids, instants as integer epoch ms.
-- Triggers keep them right for every writer (commands, sync apply, demo seed), as for search.

-- Integer stand-ins for the ids of patients, clinics, appointment types and doctors. A key is
-- never reused or renumbered (INTEGER PRIMARY KEY survives VACUUM).
CREATE TABLE recall_keys (
  key  INTEGER PRIMARY KEY,
  id   TEXT NOT NULL UNIQUE
);

-- One row per patient: who may be recalled at all, and the per-patient dates.
CREATE TABLE recall_patient_facts (
  patient_key    INTEGER PRIMARY KEY,
  clinic_key     INTEGER NOT NULL,
  -- not deleted, not opted out, not blocked
  eligible       INTEGER NOT NULL,
  birth_date     TEXT,
  -- last completed visit of any type: COALESCE(completed_at, ends_at) in epoch ms
  last_visit_ms  INTEGER,
  -- latest start of a scheduled, confirmed, arrived or in-progress appointment, in epoch ms
  last_open_ms   INTEGER
);

-- Last completed visit per patient and appointment type (typed visits only).
CREATE TABLE recall_type_facts (
  type_key       INTEGER NOT NULL,
  patient_key    INTEGER NOT NULL,
  last_visit_ms  INTEGER NOT NULL,
  PRIMARY KEY (type_key, patient_key)
) WITHOUT ROWID;

-- Doctors a patient has had a completed visit with.
CREATE TABLE recall_doctor_facts (
  doctor_key   INTEGER NOT NULL,
  patient_key  INTEGER NOT NULL,
  PRIMARY KEY (doctor_key, patient_key)
) WITHOUT ROWID;

-- Patients -------------------------------------------------------------------------------------

CREATE TRIGGER recall_facts_patient_insert AFTER INSERT ON patients BEGIN
  INSERT INTO recall_keys (id) VALUES (new.id), (new.clinic_id) ON CONFLICT DO NOTHING;
  INSERT INTO recall_patient_facts (patient_key, clinic_key, eligible, birth_date)
  VALUES ((SELECT key FROM recall_keys WHERE id = new.id), (SELECT key FROM recall_keys WHERE id = new.clinic_id),
          new.deleted_at IS NULL AND new.opt_out = 0 AND new.blocked = 0, new.birth_date)
  ON CONFLICT (patient_key) DO UPDATE SET
    clinic_key = excluded.clinic_key, eligible = excluded.eligible, birth_date = excluded.birth_date;
END;

CREATE TRIGGER recall_facts_patient_update
AFTER UPDATE OF clinic_id, deleted_at, opt_out, blocked, birth_date ON patients BEGIN
  INSERT INTO recall_keys (id) VALUES (new.clinic_id) ON CONFLICT DO NOTHING;
  UPDATE recall_patient_facts SET
    clinic_key = (SELECT key FROM recall_keys WHERE id = new.clinic_id),
    eligible = new.deleted_at IS NULL AND new.opt_out = 0 AND new.blocked = 0,
    birth_date = new.birth_date
  WHERE patient_key = (SELECT key FROM recall_keys WHERE id = new.id);
END;

-- A hard delete (sync rescue of a row the server never had) takes the patient's facts along.
CREATE TRIGGER recall_facts_patient_delete AFTER DELETE ON patients BEGIN
  DELETE FROM recall_patient_facts WHERE patient_key = (SELECT key FROM recall_keys WHERE id = old.id);
END;

-- Appointments: adding is a MAX, so inserts and forward changes are cheap upserts; a change
-- that takes a visit (or an open appointment) away recomputes that one fact from the indexes.
-- Each step is written once, as the INSTEAD OF INSERT trigger of an empty view (SQLite's way to
-- give triggers a shared procedure); the appointment triggers below call them.

CREATE VIEW recall_add_visit AS
  SELECT NULL AS patient_id, NULL AS clinic_id, NULL AS doctor_id, NULL AS type_id, NULL AS visit_at WHERE 0;

CREATE TRIGGER recall_add_visit INSTEAD OF INSERT ON recall_add_visit BEGIN
  INSERT INTO recall_keys (id) VALUES (new.patient_id), (new.doctor_id), (new.clinic_id) ON CONFLICT DO NOTHING;
  INSERT INTO recall_keys (id) SELECT new.type_id WHERE new.type_id IS NOT NULL ON CONFLICT DO NOTHING;
  INSERT INTO recall_patient_facts (patient_key, clinic_key, eligible, last_visit_ms)
  VALUES ((SELECT key FROM recall_keys WHERE id = new.patient_id), (SELECT key FROM recall_keys WHERE id = new.clinic_id), 0,
          CAST(round((julianday(new.visit_at) - 2440587.5) * 86400000) AS INTEGER))
  ON CONFLICT (patient_key) DO UPDATE SET
    last_visit_ms = max(COALESCE(last_visit_ms, excluded.last_visit_ms), excluded.last_visit_ms);
  INSERT INTO recall_type_facts (type_key, patient_key, last_visit_ms)
  SELECT (SELECT key FROM recall_keys WHERE id = new.type_id), (SELECT key FROM recall_keys WHERE id = new.patient_id),
         CAST(round((julianday(new.visit_at) - 2440587.5) * 86400000) AS INTEGER)
  WHERE new.type_id IS NOT NULL
  ON CONFLICT (type_key, patient_key) DO UPDATE SET last_visit_ms = max(last_visit_ms, excluded.last_visit_ms);
  INSERT INTO recall_doctor_facts (doctor_key, patient_key)
  VALUES ((SELECT key FROM recall_keys WHERE id = new.doctor_id), (SELECT key FROM recall_keys WHERE id = new.patient_id))
  ON CONFLICT DO NOTHING;
END;

CREATE VIEW recall_add_open AS SELECT NULL AS patient_id, NULL AS clinic_id, NULL AS starts_at WHERE 0;

CREATE TRIGGER recall_add_open INSTEAD OF INSERT ON recall_add_open BEGIN
  INSERT INTO recall_keys (id) VALUES (new.patient_id), (new.clinic_id) ON CONFLICT DO NOTHING;
  INSERT INTO recall_patient_facts (patient_key, clinic_key, eligible, last_open_ms)
  VALUES ((SELECT key FROM recall_keys WHERE id = new.patient_id), (SELECT key FROM recall_keys WHERE id = new.clinic_id), 0,
          CAST(round((julianday(new.starts_at) - 2440587.5) * 86400000) AS INTEGER))
  ON CONFLICT (patient_key) DO UPDATE SET
    last_open_ms = max(COALESCE(last_open_ms, excluded.last_open_ms), excluded.last_open_ms);
END;

-- A completed visit of this patient, type and doctor went away: recompute what it counted in
-- (the completed-visits index of migration 0004 makes each a short range read).
CREATE VIEW recall_recount_visit AS SELECT NULL AS patient_id, NULL AS doctor_id, NULL AS type_id WHERE 0;

CREATE TRIGGER recall_recount_visit INSTEAD OF INSERT ON recall_recount_visit BEGIN
  UPDATE recall_patient_facts SET last_visit_ms = (
    SELECT CAST(round((julianday(MAX(COALESCE(completed_at, ends_at))) - 2440587.5) * 86400000) AS INTEGER)
    FROM appointments WHERE patient_id = new.patient_id AND status = 'completed' AND deleted_at IS NULL)
  WHERE patient_key = (SELECT key FROM recall_keys WHERE id = new.patient_id);
  DELETE FROM recall_type_facts
  WHERE type_key = (SELECT key FROM recall_keys WHERE id = new.type_id)
    AND patient_key = (SELECT key FROM recall_keys WHERE id = new.patient_id);
  INSERT INTO recall_type_facts (type_key, patient_key, last_visit_ms)
  SELECT (SELECT key FROM recall_keys WHERE id = new.type_id), (SELECT key FROM recall_keys WHERE id = new.patient_id), CAST(round((julianday(m) - 2440587.5) * 86400000) AS INTEGER)
  FROM (SELECT MAX(COALESCE(completed_at, ends_at)) AS m FROM appointments
        WHERE patient_id = new.patient_id AND appointment_type_id = new.type_id AND status = 'completed' AND deleted_at IS NULL)
  WHERE m IS NOT NULL;
  DELETE FROM recall_doctor_facts
  WHERE doctor_key = (SELECT key FROM recall_keys WHERE id = new.doctor_id)
    AND patient_key = (SELECT key FROM recall_keys WHERE id = new.patient_id)
    AND NOT EXISTS (SELECT 1 FROM appointments WHERE patient_id = new.patient_id AND doctor_id = new.doctor_id
                      AND status = 'completed' AND deleted_at IS NULL);
END;

CREATE VIEW recall_recount_open AS SELECT NULL AS patient_id WHERE 0;

CREATE TRIGGER recall_recount_open INSTEAD OF INSERT ON recall_recount_open BEGIN
  UPDATE recall_patient_facts SET last_open_ms = (
    SELECT CAST(round((julianday(MAX(starts_at)) - 2440587.5) * 86400000) AS INTEGER)
    FROM appointments WHERE patient_id = new.patient_id
      AND status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND deleted_at IS NULL)
  WHERE patient_key = (SELECT key FROM recall_keys WHERE id = new.patient_id);
END;

CREATE TRIGGER recall_facts_visit_insert AFTER INSERT ON appointments
WHEN new.status = 'completed' AND new.deleted_at IS NULL BEGIN
  INSERT INTO recall_add_visit VALUES
    (new.patient_id, new.clinic_id, new.doctor_id, new.appointment_type_id, COALESCE(new.completed_at, new.ends_at));
END;

CREATE TRIGGER recall_facts_open_insert AFTER INSERT ON appointments
WHEN new.status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND new.deleted_at IS NULL BEGIN
  INSERT INTO recall_add_open VALUES (new.patient_id, new.clinic_id, new.starts_at);
END;

CREATE TRIGGER recall_facts_visit_update AFTER UPDATE OF
  patient_id, clinic_id, doctor_id, appointment_type_id, status, completed_at, ends_at, deleted_at ON appointments
WHEN new.status = 'completed' AND new.deleted_at IS NULL BEGIN
  INSERT INTO recall_add_visit VALUES
    (new.patient_id, new.clinic_id, new.doctor_id, new.appointment_type_id, COALESCE(new.completed_at, new.ends_at));
END;

CREATE TRIGGER recall_facts_open_update AFTER UPDATE OF patient_id, clinic_id, status, starts_at, deleted_at ON appointments
WHEN new.status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND new.deleted_at IS NULL BEGIN
  INSERT INTO recall_add_open VALUES (new.patient_id, new.clinic_id, new.starts_at);
END;

CREATE TRIGGER recall_facts_visit_remove AFTER UPDATE OF
  patient_id, doctor_id, appointment_type_id, status, completed_at, ends_at, deleted_at ON appointments
WHEN old.status = 'completed' AND old.deleted_at IS NULL
  AND (new.status <> 'completed' OR new.deleted_at IS NOT NULL OR new.patient_id IS NOT old.patient_id
       OR new.appointment_type_id IS NOT old.appointment_type_id OR new.doctor_id IS NOT old.doctor_id
       OR COALESCE(new.completed_at, new.ends_at) < COALESCE(old.completed_at, old.ends_at)) BEGIN
  INSERT INTO recall_recount_visit VALUES (old.patient_id, old.doctor_id, old.appointment_type_id);
END;

CREATE TRIGGER recall_facts_open_remove AFTER UPDATE OF patient_id, status, starts_at, deleted_at ON appointments
WHEN old.status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND old.deleted_at IS NULL
  AND (new.status NOT IN ('scheduled', 'confirmed', 'arrived', 'in_progress') OR new.deleted_at IS NOT NULL
       OR new.patient_id IS NOT old.patient_id OR new.starts_at < old.starts_at) BEGIN
  INSERT INTO recall_recount_open VALUES (old.patient_id);
END;

CREATE TRIGGER recall_facts_visit_delete AFTER DELETE ON appointments
WHEN old.status = 'completed' AND old.deleted_at IS NULL BEGIN
  INSERT INTO recall_recount_visit VALUES (old.patient_id, old.doctor_id, old.appointment_type_id);
END;

CREATE TRIGGER recall_facts_open_delete AFTER DELETE ON appointments
WHEN old.status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND old.deleted_at IS NULL BEGIN
  INSERT INTO recall_recount_open VALUES (old.patient_id);
END;

-- Rows that existed before this migration.
INSERT INTO recall_keys (id) SELECT id FROM clinics WHERE true ON CONFLICT DO NOTHING;
INSERT INTO recall_keys (id) SELECT id FROM appointment_types WHERE true ON CONFLICT DO NOTHING;
INSERT INTO recall_keys (id) SELECT id FROM doctors WHERE true ON CONFLICT DO NOTHING;
INSERT INTO recall_keys (id) SELECT id FROM patients WHERE true ORDER BY id ON CONFLICT DO NOTHING;

INSERT INTO recall_patient_facts (patient_key, clinic_key, eligible, birth_date, last_visit_ms, last_open_ms)
SELECT k.key, c.key, p.deleted_at IS NULL AND p.opt_out = 0 AND p.blocked = 0, p.birth_date,
       (SELECT CAST(round((julianday(MAX(COALESCE(a.completed_at, a.ends_at))) - 2440587.5) * 86400000) AS INTEGER)
        FROM appointments a WHERE a.patient_id = p.id AND a.status = 'completed' AND a.deleted_at IS NULL),
       (SELECT CAST(round((julianday(MAX(a.starts_at)) - 2440587.5) * 86400000) AS INTEGER)
        FROM appointments a WHERE a.patient_id = p.id
          AND a.status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND a.deleted_at IS NULL)
FROM patients p JOIN recall_keys k ON k.id = p.id JOIN recall_keys c ON c.id = p.clinic_id;

INSERT INTO recall_type_facts (type_key, patient_key, last_visit_ms)
SELECT t.key, k.key, CAST(round((julianday(MAX(COALESCE(a.completed_at, a.ends_at))) - 2440587.5) * 86400000) AS INTEGER)
FROM appointments a JOIN recall_keys k ON k.id = a.patient_id JOIN recall_keys t ON t.id = a.appointment_type_id
WHERE a.status = 'completed' AND a.deleted_at IS NULL
GROUP BY t.key, k.key;

INSERT INTO recall_doctor_facts (doctor_key, patient_key)
SELECT DISTINCT d.key, k.key
FROM appointments a JOIN recall_keys k ON k.id = a.patient_id JOIN recall_keys d ON d.id = a.doctor_id
WHERE a.status = 'completed' AND a.deleted_at IS NULL;
