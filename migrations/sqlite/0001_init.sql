-- Clinic Desk local schema, version 1.
-- Conventions: ids are UUIDv7 text made on the client; instants are UTC ISO-8601 text
-- ('2026-11-23T09:30:00.000Z'); calendar dates are 'YYYY-MM-DD' in the clinic's time zone;
-- money is integer minor units; flags are 0/1.
-- Every synced table carries clinic_id and the sync columns version, updated_at, deleted_at.
-- version is the server's row version (0 = never acknowledged by the server).

CREATE TABLE clinics (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL CHECK (clinic_id = id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone     TEXT NOT NULL,
  slot_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (slot_minutes BETWEEN 5 AND 120),
  currency      TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
  phone         TEXT,
  address       TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);

CREATE TABLE staff (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  user_id       TEXT,
  display_name  TEXT NOT NULL,
  email         TEXT,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'receptionist')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX staff_clinic ON staff(clinic_id);

CREATE TABLE rooms (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  name          TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX rooms_clinic ON rooms(clinic_id);

CREATE TABLE doctors (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  staff_id      TEXT REFERENCES staff(id),
  display_name  TEXT NOT NULL,
  specialty     TEXT,
  color         TEXT NOT NULL DEFAULT '#4f7cac',
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX doctors_clinic ON doctors(clinic_id);

-- Weekly recurring hours. weekday: 1 = Monday .. 7 = Sunday (ISO). Minutes from local midnight.
CREATE TABLE doctor_working_hours (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  doctor_id     TEXT NOT NULL REFERENCES doctors(id),
  room_id       TEXT REFERENCES rooms(id),
  weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute  INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  valid_from    TEXT,
  valid_to      TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  CHECK (end_minute > start_minute)
);
CREATE INDEX doctor_working_hours_doctor ON doctor_working_hours(doctor_id, weekday);

-- Weekly recurring breaks (lunch etc.), same minute convention as working hours.
CREATE TABLE doctor_breaks (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  doctor_id     TEXT NOT NULL REFERENCES doctors(id),
  weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute  INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  label         TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  CHECK (end_minute > start_minute)
);
CREATE INDEX doctor_breaks_doctor ON doctor_breaks(doctor_id, weekday);

CREATE TABLE doctor_vacations (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  doctor_id     TEXT NOT NULL REFERENCES doctors(id),
  starts_at     TEXT NOT NULL,
  ends_at       TEXT NOT NULL,
  reason        TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  CHECK (ends_at > starts_at)
);
CREATE INDEX doctor_vacations_doctor ON doctor_vacations(doctor_id, starts_at);

CREATE TABLE clinic_blocked_periods (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  starts_at     TEXT NOT NULL,
  ends_at       TEXT NOT NULL,
  reason        TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  CHECK (ends_at > starts_at)
);
CREATE INDEX clinic_blocked_periods_clinic ON clinic_blocked_periods(clinic_id, starts_at);

CREATE TABLE appointment_types (
  id                TEXT PRIMARY KEY,
  clinic_id         TEXT NOT NULL REFERENCES clinics(id),
  name              TEXT NOT NULL,
  duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  color             TEXT NOT NULL DEFAULT '#7a9e7e',
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version           INTEGER NOT NULL DEFAULT 0,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT
);
CREATE INDEX appointment_types_clinic ON appointment_types(clinic_id);

-- Per-doctor override of an appointment type's duration.
CREATE TABLE doctor_appointment_types (
  id                   TEXT PRIMARY KEY,
  clinic_id            TEXT NOT NULL REFERENCES clinics(id),
  doctor_id            TEXT NOT NULL REFERENCES doctors(id),
  appointment_type_id  TEXT NOT NULL REFERENCES appointment_types(id),
  duration_minutes     INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  version              INTEGER NOT NULL DEFAULT 0,
  updated_at           TEXT NOT NULL,
  deleted_at           TEXT
);
CREATE UNIQUE INDEX doctor_appointment_types_pair
  ON doctor_appointment_types(doctor_id, appointment_type_id) WHERE deleted_at IS NULL;

CREATE TABLE patients (
  id                 TEXT PRIMARY KEY,
  clinic_id          TEXT NOT NULL REFERENCES clinics(id),
  first_name         TEXT NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name          TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  birth_date         TEXT,
  phone              TEXT,
  email              TEXT,
  national_id        TEXT,
  preferred_channel  TEXT NOT NULL DEFAULT 'phone'
                       CHECK (preferred_channel IN ('phone', 'sms', 'whatsapp', 'email')),
  opt_out            INTEGER NOT NULL DEFAULT 0 CHECK (opt_out IN (0, 1)),
  blocked            INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
  blocked_reason     TEXT,
  notes              TEXT,
  version            INTEGER NOT NULL DEFAULT 0,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
);
CREATE INDEX patients_clinic_name ON patients(clinic_id, last_name, first_name);
CREATE INDEX patients_phone ON patients(phone);

CREATE TABLE appointments (
  id                   TEXT PRIMARY KEY,
  clinic_id            TEXT NOT NULL REFERENCES clinics(id),
  doctor_id            TEXT NOT NULL REFERENCES doctors(id),
  room_id              TEXT REFERENCES rooms(id),
  patient_id           TEXT NOT NULL REFERENCES patients(id),
  appointment_type_id  TEXT REFERENCES appointment_types(id),
  starts_at            TEXT NOT NULL,
  ends_at              TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'scheduled'
                         CHECK (status IN ('scheduled', 'confirmed', 'arrived', 'in_progress',
                                           'completed', 'cancelled', 'no_show')),
  notes                TEXT,
  cancelled_at         TEXT,
  cancelled_by         TEXT,
  cancel_reason        TEXT,
  idempotency_key      TEXT,
  reminder_sent_at     TEXT,
  confirmed_at         TEXT,
  arrived_at           TEXT,
  completed_at         TEXT,
  created_by           TEXT,
  version              INTEGER NOT NULL DEFAULT 0,
  updated_at           TEXT NOT NULL,
  deleted_at           TEXT,
  CHECK (ends_at > starts_at)
);
-- The day schedule and the free-slot finder read by (clinic, start); overlap checks by doctor.
CREATE INDEX appointments_clinic_start ON appointments(clinic_id, starts_at);
CREATE INDEX appointments_doctor_start ON appointments(doctor_id, starts_at);
CREATE INDEX appointments_patient_start ON appointments(patient_id, starts_at);
CREATE UNIQUE INDEX appointments_idempotency ON appointments(idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE treatment_plans (
  id            TEXT PRIMARY KEY,
  clinic_id     TEXT NOT NULL REFERENCES clinics(id),
  patient_id    TEXT NOT NULL REFERENCES patients(id),
  doctor_id     TEXT REFERENCES doctors(id),
  title         TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'proposed'
                  CHECK (status IN ('proposed', 'accepted', 'in_progress', 'completed', 'cancelled')),
  accepted_at   TEXT,
  accepted_by   TEXT,
  notes         TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX treatment_plans_patient ON treatment_plans(patient_id);

CREATE TABLE treatment_steps (
  id                    TEXT PRIMARY KEY,
  clinic_id             TEXT NOT NULL REFERENCES clinics(id),
  treatment_plan_id     TEXT NOT NULL REFERENCES treatment_plans(id),
  position              INTEGER NOT NULL CHECK (position >= 1),
  procedure             TEXT NOT NULL,
  tooth                 TEXT,
  doctor_id             TEXT REFERENCES doctors(id),
  appointment_type_id   TEXT REFERENCES appointment_types(id),
  estimated_cost_cents  INTEGER NOT NULL DEFAULT 0 CHECK (estimated_cost_cents >= 0),
  expected_minutes      INTEGER NOT NULL DEFAULT 30 CHECK (expected_minutes BETWEEN 5 AND 480),
  status                TEXT NOT NULL DEFAULT 'planned'
                          CHECK (status IN ('planned', 'scheduled', 'done', 'cancelled')),
  appointment_id        TEXT REFERENCES appointments(id),
  version               INTEGER NOT NULL DEFAULT 0,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
);
CREATE INDEX treatment_steps_plan ON treatment_steps(treatment_plan_id, position);
CREATE INDEX treatment_steps_appointment ON treatment_steps(appointment_id);

CREATE TABLE payment_plans (
  id                        TEXT PRIMARY KEY,
  clinic_id                 TEXT NOT NULL REFERENCES clinics(id),
  patient_id                TEXT NOT NULL REFERENCES patients(id),
  treatment_plan_id         TEXT REFERENCES treatment_plans(id),
  currency                  TEXT NOT NULL CHECK (length(currency) = 3),
  principal_cents           INTEGER NOT NULL CHECK (principal_cents > 0),
  down_payment_cents        INTEGER NOT NULL DEFAULT 0 CHECK (down_payment_cents >= 0),
  apr_bp                    INTEGER NOT NULL DEFAULT 0 CHECK (apr_bp >= 0),
  installment_count         INTEGER CHECK (installment_count IS NULL OR installment_count > 0),
  installment_amount_cents  INTEGER CHECK (installment_amount_cents IS NULL OR installment_amount_cents > 0),
  frequency                 TEXT NOT NULL
                              CHECK (frequency IN ('weekly', 'biweekly', 'monthly', 'quarterly')),
  first_due_date            TEXT NOT NULL,
  status                    TEXT NOT NULL DEFAULT 'active'
                              CHECK (status IN ('active', 'completed', 'cancelled')),
  version                   INTEGER NOT NULL DEFAULT 0,
  updated_at                TEXT NOT NULL,
  deleted_at                TEXT,
  CHECK (down_payment_cents < principal_cents)
);
CREATE INDEX payment_plans_patient ON payment_plans(patient_id);

CREATE TABLE installments (
  id                TEXT PRIMARY KEY,
  clinic_id         TEXT NOT NULL REFERENCES clinics(id),
  payment_plan_id   TEXT NOT NULL REFERENCES payment_plans(id),
  seq               INTEGER NOT NULL CHECK (seq >= 1),
  due_date          TEXT NOT NULL,
  amount_cents      INTEGER NOT NULL CHECK (amount_cents > 0),
  principal_cents   INTEGER NOT NULL CHECK (principal_cents >= 0),
  interest_cents    INTEGER NOT NULL DEFAULT 0 CHECK (interest_cents >= 0),
  paid_cents        INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
  status            TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid', 'cancelled')),
  version           INTEGER NOT NULL DEFAULT 0,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT,
  CHECK (paid_cents <= amount_cents)
);
CREATE INDEX installments_plan ON installments(payment_plan_id, seq);
CREATE INDEX installments_due ON installments(clinic_id, status, due_date);

-- Payments are never deleted or edited: a void or refund is a new row (kind) pointing at the original.
CREATE TABLE payments (
  id                  TEXT PRIMARY KEY,
  clinic_id           TEXT NOT NULL REFERENCES clinics(id),
  patient_id          TEXT NOT NULL REFERENCES patients(id),
  kind                TEXT NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund', 'void')),
  method              TEXT NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'other')),
  amount_cents        INTEGER NOT NULL CHECK (amount_cents > 0),
  currency            TEXT NOT NULL CHECK (length(currency) = 3),
  related_payment_id  TEXT REFERENCES payments(id),
  reason              TEXT,
  received_at         TEXT NOT NULL,
  received_by         TEXT,
  notes               TEXT,
  version             INTEGER NOT NULL DEFAULT 0,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT
);
CREATE INDEX payments_patient ON payments(patient_id, received_at);

CREATE TABLE payment_allocations (
  id              TEXT PRIMARY KEY,
  clinic_id       TEXT NOT NULL REFERENCES clinics(id),
  payment_id      TEXT NOT NULL REFERENCES payments(id),
  installment_id  TEXT NOT NULL REFERENCES installments(id),
  amount_cents    INTEGER NOT NULL CHECK (amount_cents <> 0),
  version         INTEGER NOT NULL DEFAULT 0,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX payment_allocations_payment ON payment_allocations(payment_id);
CREATE INDEX payment_allocations_installment ON payment_allocations(installment_id);

-- basis: 'appointment_types' (interval after the last completed appointment of the listed
-- types) or 'treatment_plan' (interval after a completed treatment plan).
CREATE TABLE recall_types (
  id                    TEXT PRIMARY KEY,
  clinic_id             TEXT NOT NULL REFERENCES clinics(id),
  name                  TEXT NOT NULL,
  interval_months       INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
  basis                 TEXT NOT NULL CHECK (basis IN ('appointment_types', 'treatment_plan')),
  appointment_type_ids  TEXT NOT NULL DEFAULT '[]',
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version               INTEGER NOT NULL DEFAULT 0,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
);

CREATE TABLE recall_campaigns (
  id                     TEXT PRIMARY KEY,
  clinic_id              TEXT NOT NULL REFERENCES clinics(id),
  name                   TEXT NOT NULL,
  recall_type_id         TEXT REFERENCES recall_types(id),
  criteria               TEXT NOT NULL DEFAULT '{}',
  status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
  max_attempts           INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 20),
  attempt_spacing_hours  INTEGER NOT NULL DEFAULT 24 CHECK (attempt_spacing_hours >= 0),
  created_by             TEXT,
  activated_at           TEXT,
  closed_at              TEXT,
  version                INTEGER NOT NULL DEFAULT 0,
  updated_at             TEXT NOT NULL,
  deleted_at             TEXT
);

CREATE TABLE recall_contacts (
  id                     TEXT PRIMARY KEY,
  clinic_id              TEXT NOT NULL REFERENCES clinics(id),
  campaign_id            TEXT NOT NULL REFERENCES recall_campaigns(id),
  patient_id             TEXT NOT NULL REFERENCES patients(id),
  due_date               TEXT,
  due_reason             TEXT,
  status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  outcome                TEXT CHECK (outcome IS NULL OR outcome IN ('no_answer', 'left_message',
                           'call_back', 'booked', 'declined', 'wrong_number', 'opted_out')),
  attempts               INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at        TEXT,
  next_attempt_after     TEXT,
  claimed_by             TEXT,
  claimed_until          TEXT,
  booked_appointment_id  TEXT REFERENCES appointments(id),
  notes                  TEXT,
  version                INTEGER NOT NULL DEFAULT 0,
  updated_at             TEXT NOT NULL,
  deleted_at             TEXT
);
CREATE INDEX recall_contacts_campaign ON recall_contacts(campaign_id, status, next_attempt_after);
CREATE INDEX recall_contacts_patient ON recall_contacts(patient_id);

CREATE TABLE recall_attempts (
  id              TEXT PRIMARY KEY,
  clinic_id       TEXT NOT NULL REFERENCES clinics(id),
  contact_id      TEXT NOT NULL REFERENCES recall_contacts(id),
  attempted_at    TEXT NOT NULL,
  attempted_by    TEXT,
  outcome         TEXT NOT NULL CHECK (outcome IN ('no_answer', 'left_message', 'call_back',
                    'booked', 'declined', 'wrong_number', 'opted_out')),
  callback_on     TEXT,
  notes           TEXT,
  version         INTEGER NOT NULL DEFAULT 0,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX recall_attempts_contact ON recall_attempts(contact_id, attempted_at);

-- Insert-only. Synced to the server like the other tables; never updated or deleted.
CREATE TABLE audit_log (
  id              TEXT PRIMARY KEY,
  clinic_id       TEXT NOT NULL REFERENCES clinics(id),
  at              TEXT NOT NULL,
  actor_staff_id  TEXT,
  desk_id         TEXT,
  action          TEXT NOT NULL,
  table_name      TEXT,
  row_id          TEXT,
  details         TEXT NOT NULL DEFAULT '{}',
  version         INTEGER NOT NULL DEFAULT 0,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX audit_log_clinic_at ON audit_log(clinic_id, at);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);

-- Local only. One row per local change waiting for the server, in write order (seq).
-- status: 'pending' (to push) or 'parked' (rejected for good; shown to staff, never blocks others).
CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  clinic_id       TEXT NOT NULL,
  table_name      TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  op              TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  changes         TEXT NOT NULL,
  base_version    INTEGER NOT NULL,
  actor_staff_id  TEXT,
  created_at      TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'parked')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox(status, seq);
CREATE INDEX outbox_row ON outbox(table_name, row_id);

-- Local only: small key/value facts about this install (desk id, current clinic, language).
CREATE TABLE local_settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
