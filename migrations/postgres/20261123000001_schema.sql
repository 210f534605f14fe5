-- Clinic Desk server schema: mirrors migrations/sqlite/0001_init.sql (same tables, ids and
-- column names) so a row travels between the desk and the server without renaming.
-- Server-only columns: change_xid (pull cursor), national_id_enc (patients).
-- Types chosen so the JSON a client reads matches what it stores locally: flags are smallint 0/1,
-- money integer cents, calendar dates `date`, instants timestamptz, JSON-ish fields text.
-- Supabase provides the roles, the auth schema and the `extensions` schema; stack/bootstrap.sql
-- recreates those for the local stack. Nothing here creates them.

create extension if not exists btree_gist with schema extensions;
create extension if not exists pgcrypto with schema extensions;

create schema if not exists private;

create table public.clinics (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null,
  name          text not null check (length(name) between 1 and 200),
  time_zone     text not null,
  slot_minutes  integer not null default 15 check (slot_minutes between 5 and 120),
  currency      text not null default 'EUR' check (length(currency) = 3),
  phone         text,
  address       text,
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id(),
  check (clinic_id = id)
);

create table public.staff (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  user_id       uuid references auth.users(id) on delete set null,
  display_name  text not null,
  email         text,
  role          text not null check (role in ('admin', 'manager', 'receptionist')),
  active        smallint not null default 1 check (active in (0, 1)),
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id()
);
create index staff_clinic on public.staff(clinic_id);
create index staff_user on public.staff(user_id);

create table public.rooms (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  name          text not null,
  active        smallint not null default 1 check (active in (0, 1)),
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id()
);
create index rooms_clinic on public.rooms(clinic_id);

create table public.doctors (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  staff_id      uuid references public.staff(id),
  display_name  text not null,
  specialty     text,
  color         text not null default '#4f7cac',
  active        smallint not null default 1 check (active in (0, 1)),
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id()
);
create index doctors_clinic on public.doctors(clinic_id);

create table public.doctor_working_hours (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  doctor_id     uuid not null references public.doctors(id),
  room_id       uuid references public.rooms(id),
  weekday       integer not null check (weekday between 1 and 7),
  start_minute  integer not null check (start_minute between 0 and 1439),
  end_minute    integer not null check (end_minute between 1 and 1440),
  valid_from    date,
  valid_to      date,
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id(),
  check (end_minute > start_minute)
);
create index doctor_working_hours_doctor on public.doctor_working_hours(doctor_id, weekday);

create table public.doctor_breaks (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  doctor_id     uuid not null references public.doctors(id),
  weekday       integer not null check (weekday between 1 and 7),
  start_minute  integer not null check (start_minute between 0 and 1439),
  end_minute    integer not null check (end_minute between 1 and 1440),
  label         text,
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id(),
  check (end_minute > start_minute)
);
create index doctor_breaks_doctor on public.doctor_breaks(doctor_id, weekday);

create table public.doctor_vacations (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  doctor_id     uuid not null references public.doctors(id),
  starts_at     timestamptz not null,
  ends_at       timestamptz not null,
  reason        text,
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id(),
  check (ends_at > starts_at)
);
create index doctor_vacations_doctor on public.doctor_vacations(doctor_id, starts_at);

create table public.clinic_blocked_periods (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  starts_at     timestamptz not null,
  ends_at       timestamptz not null,
  reason        text,
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id(),
  check (ends_at > starts_at)
);
create index clinic_blocked_periods_clinic on public.clinic_blocked_periods(clinic_id, starts_at);

create table public.appointment_types (
  id                uuid primary key default gen_random_uuid(),
  clinic_id         uuid not null references public.clinics(id),
  name              text not null,
  duration_minutes  integer not null check (duration_minutes between 5 and 480),
  color             text not null default '#7a9e7e',
  active            smallint not null default 1 check (active in (0, 1)),
  version           bigint not null default 0,
  updated_at        timestamptz not null default now(),
  deleted_at        timestamptz,
  change_xid        xid8 not null default pg_current_xact_id()
);
create index appointment_types_clinic on public.appointment_types(clinic_id);

create table public.doctor_appointment_types (
  id                   uuid primary key default gen_random_uuid(),
  clinic_id            uuid not null references public.clinics(id),
  doctor_id            uuid not null references public.doctors(id),
  appointment_type_id  uuid not null references public.appointment_types(id),
  duration_minutes     integer not null check (duration_minutes between 5 and 480),
  version              bigint not null default 0,
  updated_at           timestamptz not null default now(),
  deleted_at           timestamptz,
  change_xid           xid8 not null default pg_current_xact_id()
);
create unique index doctor_appointment_types_pair
  on public.doctor_appointment_types(doctor_id, appointment_type_id) where deleted_at is null;

-- national_id is never stored in clear: a trigger (20261123000002) encrypts whatever a client
-- writes into national_id_enc and blanks national_id; sync_pull decrypts it for staff.
create table public.patients (
  id                 uuid primary key default gen_random_uuid(),
  clinic_id          uuid not null references public.clinics(id),
  first_name         text not null check (length(first_name) between 1 and 100),
  last_name          text not null check (length(last_name) between 1 and 100),
  birth_date         date,
  phone              text,
  email              text,
  national_id        text check (national_id is null),
  national_id_enc    bytea,
  preferred_channel  text not null default 'phone'
                       check (preferred_channel in ('phone', 'sms', 'whatsapp', 'email')),
  opt_out            smallint not null default 0 check (opt_out in (0, 1)),
  blocked            smallint not null default 0 check (blocked in (0, 1)),
  blocked_reason     text,
  notes              text,
  version            bigint not null default 0,
  updated_at         timestamptz not null default now(),
  deleted_at         timestamptz,
  change_xid         xid8 not null default pg_current_xact_id()
);
create index patients_clinic_name on public.patients(clinic_id, last_name, first_name);
create index patients_phone on public.patients(phone);

-- Double booking is impossible here, not only in the app: one active appointment per doctor,
-- per room and per patient at any instant. Back-to-back slots are fine ('[)' ranges).
create table public.appointments (
  id                   uuid primary key default gen_random_uuid(),
  clinic_id            uuid not null references public.clinics(id),
  doctor_id            uuid not null references public.doctors(id),
  room_id              uuid references public.rooms(id),
  patient_id           uuid not null references public.patients(id),
  appointment_type_id  uuid references public.appointment_types(id),
  starts_at            timestamptz not null,
  ends_at              timestamptz not null,
  status               text not null default 'scheduled'
                         check (status in ('scheduled', 'confirmed', 'arrived', 'in_progress',
                                           'completed', 'cancelled', 'no_show')),
  notes                text,
  cancelled_at         timestamptz,
  cancelled_by         text,
  cancel_reason        text,
  idempotency_key      text,
  reminder_sent_at     timestamptz,
  confirmed_at         timestamptz,
  arrived_at           timestamptz,
  completed_at         timestamptz,
  created_by           text,
  version              bigint not null default 0,
  updated_at           timestamptz not null default now(),
  deleted_at           timestamptz,
  change_xid           xid8 not null default pg_current_xact_id(),
  check (ends_at > starts_at),
  check (ends_at - starts_at <= interval '24 hours'),
  constraint overlap_doctor exclude using gist
    (doctor_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
    where (status not in ('cancelled', 'no_show') and deleted_at is null),
  constraint overlap_room exclude using gist
    (room_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
    where (status not in ('cancelled', 'no_show') and deleted_at is null),
  constraint overlap_patient exclude using gist
    (patient_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
    where (status not in ('cancelled', 'no_show') and deleted_at is null)
);
create index appointments_clinic_start on public.appointments(clinic_id, starts_at);
create unique index appointments_idempotency on public.appointments(idempotency_key)
  where idempotency_key is not null;

create table public.treatment_plans (
  id            uuid primary key default gen_random_uuid(),
  clinic_id     uuid not null references public.clinics(id),
  patient_id    uuid not null references public.patients(id),
  doctor_id     uuid references public.doctors(id),
  title         text not null,
  status        text not null default 'proposed'
                  check (status in ('proposed', 'accepted', 'in_progress', 'completed', 'cancelled')),
  accepted_at   timestamptz,
  accepted_by   text,
  notes         text,
  version       bigint not null default 0,
  updated_at    timestamptz not null default now(),
  deleted_at    timestamptz,
  change_xid    xid8 not null default pg_current_xact_id()
);
create index treatment_plans_patient on public.treatment_plans(patient_id);

create table public.treatment_steps (
  id                    uuid primary key default gen_random_uuid(),
  clinic_id             uuid not null references public.clinics(id),
  treatment_plan_id     uuid not null references public.treatment_plans(id),
  position              integer not null check (position >= 1),
  procedure             text not null,
  tooth                 text,
  doctor_id             uuid references public.doctors(id),
  appointment_type_id   uuid references public.appointment_types(id),
  estimated_cost_cents  bigint not null default 0 check (estimated_cost_cents >= 0),
  expected_minutes      integer not null default 30 check (expected_minutes between 5 and 480),
  status                text not null default 'planned'
                          check (status in ('planned', 'scheduled', 'done', 'cancelled')),
  appointment_id        uuid references public.appointments(id),
  version               bigint not null default 0,
  updated_at            timestamptz not null default now(),
  deleted_at            timestamptz,
  change_xid            xid8 not null default pg_current_xact_id()
);
create index treatment_steps_plan on public.treatment_steps(treatment_plan_id, position);
create index treatment_steps_appointment on public.treatment_steps(appointment_id);

create table public.payment_plans (
  id                        uuid primary key default gen_random_uuid(),
  clinic_id                 uuid not null references public.clinics(id),
  patient_id                uuid not null references public.patients(id),
  treatment_plan_id         uuid references public.treatment_plans(id),
  currency                  text not null check (length(currency) = 3),
  principal_cents           bigint not null check (principal_cents > 0),
  down_payment_cents        bigint not null default 0 check (down_payment_cents >= 0),
  apr_bp                    integer not null default 0 check (apr_bp >= 0),
  installment_count         integer check (installment_count is null or installment_count > 0),
  installment_amount_cents  bigint check (installment_amount_cents is null or installment_amount_cents > 0),
  frequency                 text not null
                              check (frequency in ('weekly', 'biweekly', 'monthly', 'quarterly')),
  first_due_date            date not null,
  status                    text not null default 'active'
                              check (status in ('active', 'completed', 'cancelled')),
  version                   bigint not null default 0,
  updated_at                timestamptz not null default now(),
  deleted_at                timestamptz,
  change_xid                xid8 not null default pg_current_xact_id(),
  check (down_payment_cents < principal_cents)
);
create index payment_plans_patient on public.payment_plans(patient_id);

create table public.installments (
  id                uuid primary key default gen_random_uuid(),
  clinic_id         uuid not null references public.clinics(id),
  payment_plan_id   uuid not null references public.payment_plans(id),
  seq               integer not null check (seq >= 1),
  due_date          date not null,
  amount_cents      bigint not null check (amount_cents > 0),
  principal_cents   bigint not null check (principal_cents >= 0),
  interest_cents    bigint not null default 0 check (interest_cents >= 0),
  paid_cents        bigint not null default 0 check (paid_cents >= 0),
  status            text not null default 'due' check (status in ('due', 'paid', 'cancelled')),
  version           bigint not null default 0,
  updated_at        timestamptz not null default now(),
  deleted_at        timestamptz,
  change_xid        xid8 not null default pg_current_xact_id(),
  check (paid_cents <= amount_cents)
);
create index installments_plan on public.installments(payment_plan_id, seq);
create index installments_due on public.installments(clinic_id, status, due_date);

-- Never updated or deleted (enforced in 20261123000002): a void or refund is a new row.
create table public.payments (
  id                  uuid primary key default gen_random_uuid(),
  clinic_id           uuid not null references public.clinics(id),
  patient_id          uuid not null references public.patients(id),
  kind                text not null default 'payment' check (kind in ('payment', 'refund', 'void')),
  method              text not null check (method in ('cash', 'card', 'transfer', 'other')),
  amount_cents        bigint not null check (amount_cents > 0),
  currency            text not null check (length(currency) = 3),
  related_payment_id  uuid references public.payments(id),
  reason              text,
  received_at         timestamptz not null,
  received_by         text,
  notes               text,
  version             bigint not null default 0,
  updated_at          timestamptz not null default now(),
  deleted_at          timestamptz,
  change_xid          xid8 not null default pg_current_xact_id()
);
create index payments_patient on public.payments(patient_id, received_at);

create table public.payment_allocations (
  id              uuid primary key default gen_random_uuid(),
  clinic_id       uuid not null references public.clinics(id),
  payment_id      uuid not null references public.payments(id),
  installment_id  uuid not null references public.installments(id),
  amount_cents    bigint not null check (amount_cents <> 0),
  version         bigint not null default 0,
  updated_at      timestamptz not null default now(),
  deleted_at      timestamptz,
  change_xid      xid8 not null default pg_current_xact_id()
);
create index payment_allocations_payment on public.payment_allocations(payment_id);
create index payment_allocations_installment on public.payment_allocations(installment_id);

create table public.recall_types (
  id                    uuid primary key default gen_random_uuid(),
  clinic_id             uuid not null references public.clinics(id),
  name                  text not null,
  interval_months       integer not null check (interval_months between 1 and 120),
  basis                 text not null check (basis in ('appointment_types', 'treatment_plan')),
  appointment_type_ids  text not null default '[]',
  active                smallint not null default 1 check (active in (0, 1)),
  version               bigint not null default 0,
  updated_at            timestamptz not null default now(),
  deleted_at            timestamptz,
  change_xid            xid8 not null default pg_current_xact_id()
);

create table public.recall_campaigns (
  id                     uuid primary key default gen_random_uuid(),
  clinic_id              uuid not null references public.clinics(id),
  name                   text not null,
  recall_type_id         uuid references public.recall_types(id),
  criteria               text not null default '{}',
  status                 text not null default 'draft' check (status in ('draft', 'active', 'closed')),
  max_attempts           integer not null default 3 check (max_attempts between 1 and 20),
  attempt_spacing_hours  integer not null default 24 check (attempt_spacing_hours >= 0),
  created_by             text,
  activated_at           timestamptz,
  closed_at              timestamptz,
  version                bigint not null default 0,
  updated_at             timestamptz not null default now(),
  deleted_at             timestamptz,
  change_xid             xid8 not null default pg_current_xact_id()
);

create table public.recall_contacts (
  id                     uuid primary key default gen_random_uuid(),
  clinic_id              uuid not null references public.clinics(id),
  campaign_id            uuid not null references public.recall_campaigns(id),
  patient_id             uuid not null references public.patients(id),
  due_date               date,
  due_reason             text,
  status                 text not null default 'open' check (status in ('open', 'done')),
  outcome                text check (outcome is null or outcome in ('no_answer', 'left_message',
                           'call_back', 'booked', 'declined', 'wrong_number', 'opted_out')),
  attempts               integer not null default 0 check (attempts >= 0),
  last_attempt_at        timestamptz,
  next_attempt_after     timestamptz,
  claimed_by             text,
  claimed_until          timestamptz,
  booked_appointment_id  uuid references public.appointments(id),
  notes                  text,
  version                bigint not null default 0,
  updated_at             timestamptz not null default now(),
  deleted_at             timestamptz,
  change_xid             xid8 not null default pg_current_xact_id()
);
create index recall_contacts_campaign on public.recall_contacts(campaign_id, status, next_attempt_after);
create index recall_contacts_patient on public.recall_contacts(patient_id);

create table public.recall_attempts (
  id              uuid primary key default gen_random_uuid(),
  clinic_id       uuid not null references public.clinics(id),
  contact_id      uuid not null references public.recall_contacts(id),
  attempted_at    timestamptz not null,
  attempted_by    text,
  outcome         text not null check (outcome in ('no_answer', 'left_message', 'call_back',
                    'booked', 'declined', 'wrong_number', 'opted_out')),
  callback_on     date,
  notes           text,
  version         bigint not null default 0,
  updated_at      timestamptz not null default now(),
  deleted_at      timestamptz,
  change_xid      xid8 not null default pg_current_xact_id()
);
create index recall_attempts_contact on public.recall_attempts(contact_id, attempted_at);

-- Insert-only (enforced in 20261123000002).
create table public.audit_log (
  id              uuid primary key default gen_random_uuid(),
  clinic_id       uuid not null references public.clinics(id),
  at              timestamptz not null,
  actor_staff_id  text,
  desk_id         text,
  action          text not null,
  table_name      text,
  row_id          text,
  details         text not null default '{}',
  version         bigint not null default 0,
  updated_at      timestamptz not null default now(),
  deleted_at      timestamptz,
  change_xid      xid8 not null default pg_current_xact_id()
);
create index audit_log_clinic_at on public.audit_log(clinic_id, at);
create index audit_log_row on public.audit_log(table_name, row_id);
