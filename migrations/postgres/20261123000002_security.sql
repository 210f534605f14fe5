-- Row bookkeeping, national id encryption, row-level security.
-- Every synced table gets: a trigger that stamps version/updated_at/change_xid (the server's
-- clock and transaction, never the client's), a DELETE that becomes a tombstone, RLS policies
-- by clinic through SECURITY DEFINER helpers in `private`.

-- The synced tables, parents first (same order as shared/sync-tables.ts). sync_pull reads it.
create table private.sync_tables (
  name         text primary key,
  position     integer not null unique,
  append_only  boolean not null default false
);
insert into private.sync_tables (name, position, append_only) values
  ('clinics', 1, false), ('staff', 2, false), ('rooms', 3, false), ('doctors', 4, false),
  ('doctor_working_hours', 5, false), ('doctor_breaks', 6, false),
  ('doctor_vacations', 7, false), ('clinic_blocked_periods', 8, false),
  ('appointment_types', 9, false), ('doctor_appointment_types', 10, false),
  ('patients', 11, false), ('appointments', 12, false), ('treatment_plans', 13, false),
  ('treatment_steps', 14, false), ('payment_plans', 15, false), ('installments', 16, false),
  ('payments', 17, true), ('payment_allocations', 18, false), ('recall_types', 19, false),
  ('recall_campaigns', 20, false), ('recall_contacts', 21, false),
  ('recall_attempts', 22, false), ('audit_log', 23, true);

-- ---------------------------------------------------------------- row bookkeeping
create function private.stamp_row() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.change_xid := pg_current_xact_id();
  new.updated_at := now();
  if tg_op = 'INSERT' then
    new.version := 1;
    new.deleted_at := null;
  else
    new.version := old.version + 1;
    -- A tombstone stays a tombstone; its time is the server's.
    if old.deleted_at is not null then
      new.deleted_at := old.deleted_at;
    elsif new.deleted_at is not null then
      new.deleted_at := now();
    end if;
  end if;
  return new;
end $$;

-- DELETE through any API becomes a tombstone so that every desk hears about it on pull.
-- Runs as the caller: the UPDATE below is checked by the caller's RLS like any other.
create function private.soft_delete() returns trigger
language plpgsql set search_path = '' as $$
begin
  execute format('update %I.%I set deleted_at = now() where id = $1 and deleted_at is null',
                 tg_table_schema, tg_table_name) using old.id;
  return null;
end $$;

create function private.forbid_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = 'insufficient_privilege',
    message = format('%s rows are never %s; write a correcting row instead',
                     tg_table_name, lower(tg_op) || 'd');
end $$;

do $$
declare t record;
begin
  for t in select name, append_only from private.sync_tables loop
    execute format('create trigger stamp_row before insert or update on public.%I
                    for each row execute function private.stamp_row()', t.name);
    -- sync_pull's keyset scan, one clinic at a time.
    execute format('create index %I on public.%I (clinic_id, change_xid, id)', t.name || '_change', t.name);
    if t.append_only then
      execute format('create trigger forbid_change before update or delete on public.%I
                      for each row execute function private.forbid_change()', t.name);
    else
      execute format('create trigger soft_delete before delete on public.%I
                      for each row execute function private.soft_delete()', t.name);
    end if;
  end loop;
end $$;

-- ---------------------------------------------------------------- national id (pgcrypto)
-- Encrypted at rest with a random server key (pgp_sym_encrypt, AES-256). Clients keep writing
-- and reading the plain `national_id` field: a trigger encrypts into national_id_enc and blanks
-- national_id (a CHECK keeps it blank); sync_pull decrypts for staff of the row's clinic.
-- Writing '' clears it. The key never leaves the database and is readable only by the
-- definer functions below; it protects exports, logs and API reads of the column, not a
-- database superuser.
create table private.secrets (
  name   text primary key,
  value  bytea not null
);
insert into private.secrets (name, value)
  values ('national_id_key', extensions.gen_random_bytes(32));
revoke all on private.secrets from public;

create function private.national_id_key() returns text
language sql stable security definer set search_path = '' as $$
  select encode(value, 'hex') from private.secrets where name = 'national_id_key'
$$;

create function private.encrypt_national_id() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- national_id_enc is written only from national_id, never directly by a client.
  new.national_id_enc := case when tg_op = 'UPDATE' then old.national_id_enc end;
  if new.national_id is not null then
    new.national_id_enc := case when new.national_id = '' then null
      else extensions.pgp_sym_encrypt(new.national_id, private.national_id_key(),
                                      'cipher-algo=aes256, s2k-mode=1') end;
    new.national_id := null;
  end if;
  return new;
end $$;

create trigger encrypt_national_id before insert or update on public.patients
  for each row execute function private.encrypt_national_id();

create function private.decrypt_national_id(enc bytea) returns text
language sql stable security definer set search_path = '' as $$
  select case when enc is null then null
    else extensions.pgp_sym_decrypt(enc, private.national_id_key()) end
$$;

-- ---------------------------------------------------------------- who is calling
-- SECURITY DEFINER so policies can read staff without recursing into staff's own RLS.
create function private.clinic_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(s.clinic_id), '{}')
  from public.staff s
  where s.user_id = auth.uid() and s.active = 1 and s.deleted_at is null
$$;

create function private.clinic_ids_with_role(roles text[]) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(s.clinic_id), '{}')
  from public.staff s
  where s.user_id = auth.uid() and s.active = 1 and s.deleted_at is null
    and s.role = any(roles)
$$;

create function private.current_staff() returns setof public.staff
language sql stable security definer set search_path = '' as $$
  select s.* from public.staff s
  where s.user_id = auth.uid() and s.active = 1 and s.deleted_at is null
$$;

revoke all on all functions in schema private from public;
grant usage on schema private to authenticated, service_role;
grant execute on function private.clinic_ids(), private.clinic_ids_with_role(text[]),
  private.current_staff(), private.decrypt_national_id(bytea) to authenticated, service_role;

-- ---------------------------------------------------------------- row-level security
-- `(select private.clinic_ids())` is evaluated once per query, not once per row.
-- Default rule: staff read and write their own clinic's rows. Exceptions:
--   clinics           read: members; update: admins; insert/delete: nobody (service role)
--   staff             read: members; write: admins
--   recall_campaigns  read: members; write: managers and admins
--   payments, audit_log  read + insert: members; never update/delete (trigger + no grant)
do $$
declare
  t record;
  member text := 'clinic_id = any ((select private.clinic_ids())::uuid[])';
  writer text;
begin
  for t in select name, append_only from private.sync_tables loop
    execute format('alter table public.%I enable row level security', t.name);
    execute format('revoke all on public.%I from anon, authenticated', t.name);
    execute format('grant all on public.%I to service_role', t.name);
    writer := case t.name
      when 'clinics' then 'clinic_id = any ((select private.clinic_ids_with_role(''{admin}''))::uuid[])'
      when 'staff' then 'clinic_id = any ((select private.clinic_ids_with_role(''{admin}''))::uuid[])'
      when 'recall_campaigns' then
        'clinic_id = any ((select private.clinic_ids_with_role(''{admin,manager}''))::uuid[])'
      else member end;
    execute format('create policy read on public.%I for select to authenticated using (%s)',
                   t.name, member);
    if t.append_only then
      execute format('grant select, insert on public.%I to authenticated', t.name);
      execute format('create policy write on public.%I for insert to authenticated
                      with check (%s)', t.name, member);
    else
      execute format('grant select, insert, update, delete on public.%I to authenticated', t.name);
      if t.name <> 'clinics' then
        execute format('create policy add on public.%I for insert to authenticated
                        with check (%s)', t.name, writer);
      end if;
      execute format('create policy change on public.%I for update to authenticated
                      using (%s) with check (%s)', t.name, writer, writer);
      execute format('create policy remove on public.%I for delete to authenticated
                      using (%s)', t.name, writer);
    end if;
  end loop;
end $$;

grant select on private.sync_tables to authenticated, service_role;
