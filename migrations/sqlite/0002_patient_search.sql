-- Local only: accent- and case-insensitive substring search over patients' names, phones and
-- national ids. FTS5 with the trigram tokenizer matches any substring of 3+ characters through the
-- index; remove_diacritics 1 folds 'García' to 'garcia'. Phones are indexed as digits only and
-- national ids without spaces or dashes. Kept in sync by triggers, so every writer (commands, sync
-- apply, demo seed) keeps it right without knowing it exists.

-- FTS rows need an integer key; patients.rowid is not stable (VACUUM may renumber it), so each
-- patient gets its own search key here.
CREATE TABLE patient_search_keys (
  key         INTEGER PRIMARY KEY,
  patient_id  TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE patient_search USING fts5(
  clinic_id UNINDEXED,
  name,
  phone,
  national_id,
  tokenize = 'trigram remove_diacritics 1'
);

CREATE TRIGGER patients_search_insert AFTER INSERT ON patients BEGIN
  INSERT OR IGNORE INTO patient_search_keys (patient_id) VALUES (new.id);
  DELETE FROM patient_search WHERE rowid = (SELECT key FROM patient_search_keys WHERE patient_id = new.id);
  INSERT INTO patient_search (rowid, clinic_id, name, phone, national_id)
  SELECT k.key, new.clinic_id, new.first_name || ' ' || new.last_name,
         replace(replace(replace(replace(replace(replace(replace(coalesce(new.phone, ''),
           ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''),
         upper(replace(replace(coalesce(new.national_id, ''), ' ', ''), '-', ''))
  FROM patient_search_keys k WHERE k.patient_id = new.id AND new.deleted_at IS NULL;
END;

CREATE TRIGGER patients_search_update
AFTER UPDATE OF first_name, last_name, phone, national_id, clinic_id, deleted_at ON patients BEGIN
  INSERT OR IGNORE INTO patient_search_keys (patient_id) VALUES (new.id);
  DELETE FROM patient_search WHERE rowid = (SELECT key FROM patient_search_keys WHERE patient_id = old.id);
  INSERT INTO patient_search (rowid, clinic_id, name, phone, national_id)
  SELECT k.key, new.clinic_id, new.first_name || ' ' || new.last_name,
         replace(replace(replace(replace(replace(replace(replace(coalesce(new.phone, ''),
           ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''),
         upper(replace(replace(coalesce(new.national_id, ''), ' ', ''), '-', ''))
  FROM patient_search_keys k WHERE k.patient_id = new.id AND new.deleted_at IS NULL;
END;

CREATE TRIGGER patients_search_delete AFTER DELETE ON patients BEGIN
  DELETE FROM patient_search WHERE rowid = (SELECT key FROM patient_search_keys WHERE patient_id = old.id);
  DELETE FROM patient_search_keys WHERE patient_id = old.id;
END;

-- Patients who existed before this migration.
INSERT INTO patient_search_keys (patient_id) SELECT id FROM patients ORDER BY id;
INSERT INTO patient_search (rowid, clinic_id, name, phone, national_id)
SELECT k.key, p.clinic_id, p.first_name || ' ' || p.last_name,
       replace(replace(replace(replace(replace(replace(replace(coalesce(p.phone, ''),
         ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''),
       upper(replace(replace(coalesce(p.national_id, ''), ' ', ''), '-', ''))
FROM patients p JOIN patient_search_keys k ON k.patient_id = p.id
WHERE p.deleted_at IS NULL;

-- Duplicate warnings on create look patients up by name + birth date.
CREATE INDEX patients_clinic_birth ON patients(clinic_id, birth_date);
