-- sync_pull_compact(cursor, lim): the same commit-safe page as sync_pull (same cursor, same
-- keyset, same horizon, one statement), in a compact shape that is cheap to build and to apply:
--   { cursor, has_more, reset?, tables: [{ table, columns: [...], rows: [[v, ...], ...] }] }
-- The column list is sent once per table and page; each row is a JSON array in that order.
-- Values arrive in the desk's local format, so a client binds them as they are: instants as
-- UTC 'YYYY-MM-DDTHH:MM:SS.mmmZ' strings, dates 'YYYY-MM-DD', integers, national id decrypted.
-- Tables come in sync_tables order (parents first); rows within a table in (change_xid, id)
-- order. Building one json array per row from a per-table join is ~3x cheaper than one
-- json_build_object per row with a per-row subquery (sync_pull), and the page is ~2.5x smaller.
-- sync_pull stays for older desks.

-- Column names (as a JSON array literal) and the matching value expressions of one table.
create function private.row_values_sql(tbl text, alias text, out columns text, out exprs text)
language sql stable set search_path = '' as $$
  select
    json_agg(a.attname order by a.attnum)::text,
    string_agg(
      case
        when a.attname = 'national_id' then format('private.decrypt_national_id(%s.national_id_enc)', alias)
        when a.atttypid = 'timestamptz'::regtype then
          format('to_char(%s.%I at time zone ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')', alias, a.attname)
        when a.atttypid = 'boolean'::regtype then format('%s.%I::int', alias, a.attname)
        when a.atttypid in ('json'::regtype, 'jsonb'::regtype) then format('%s.%I::text', alias, a.attname)
        else format('%s.%I', alias, a.attname)
      end, ', ' order by a.attnum)
  from pg_catalog.pg_attribute a
  where a.attrelid = format('public.%I', tbl)::regclass and a.attnum > 0 and not a.attisdropped
    and a.attname not in ('change_xid', 'national_id_enc')
$$;

-- The keys of one page, read as the function owner with the caller's clinics as an explicit
-- filter (the same rule as every table's read policy). Reading them as the caller would add the
-- policy's `clinic_id = any(...)` to each index condition, and PostgreSQL then no longer returns
-- the (clinic_id, change_xid, id) index in order: every page would scan and sort all the
-- clinic's remaining rows (O(n^2) over a first sync). Row contents are still read as the caller
-- (RLS judges); STABLE, so it runs in the calling statement's snapshot.
create function private.sync_page_keys(p_xid xid8, p_id uuid, p_pos integer, p_lim integer)
returns table (pos integer, change_xid xid8, id uuid)
language plpgsql stable security definer set search_path = '' as $$
declare
  v_sql text;
begin
  select string_agg(format(
    '(select %s as pos, k.change_xid, k.id from unnest($5::uuid[]) c(cid) cross join lateral
       (select x.change_xid, x.id from public.%I x
        where x.clinic_id = c.cid and (x.change_xid, x.id) >= ($1, $2) and x.change_xid < $6
        order by x.change_xid, x.id limit $4 + 1) k)',
    t.position, t.name), ' union all ' order by t.position)
  into v_sql from private.sync_tables t;
  return query execute format(
    'select c.pos, c.change_xid, c.id from (%s) c
     where (c.change_xid, c.id, c.pos) > ($1, $2, $3)
     order by c.change_xid, c.id, c.pos limit $4', v_sql)
  using p_xid, p_id, p_pos, p_lim, private.clinic_ids(), pg_snapshot_xmin(pg_current_snapshot());
end $$;

create function public.sync_pull_compact(cursor text default null, lim integer default 5000)
returns json
language plpgsql security invoker set search_path = '' set timezone = 'UTC' as $$
declare
  v_epoch text := private.sync_epoch();
  v_parts text[];
  v_xid text := '0';
  v_id uuid := '00000000-0000-0000-0000-000000000000';
  v_pos integer := 0;
  v_lim integer := least(greatest(coalesce(lim, 5000), 1), 10000);
  v_blocks text;
  v_tables json;
  v_last jsonb;
  v_count integer;
begin
  if cursor is not null and cursor <> '' then
    v_parts := string_to_array(cursor, ':');
    if array_length(v_parts, 1) <> 4 or v_parts[2] !~ '^\d{1,20}$'
       or v_parts[3] !~ '^[0-9a-f-]{36}$' or v_parts[4] !~ '^\d{1,4}$' then
      raise exception using errcode = 'invalid_parameter_value', message = 'invalid_cursor';
    end if;
    if v_parts[1] <> v_epoch then
      return json_build_object('reset', true, 'tables', '[]'::json, 'has_more', true,
        'cursor', v_epoch || ':0:00000000-0000-0000-0000-000000000000:0');
    end if;
    v_xid := v_parts[2];
    v_id := v_parts[3]::uuid;
    v_pos := v_parts[4]::integer;
  end if;

  -- One block per table present in the page, its rows joined by primary key (as the caller).
  select string_agg(format(
    '(select %1$s as pos, json_build_object(''table'', %2$L, ''columns'', %3$L::json,
        ''rows'', json_agg(json_build_array(%4$s) order by p.change_xid, p.id)) as block
      from page p join public.%2$I x on x.id = p.id where p.pos = %1$s having count(*) > 0)',
    t.position, t.name, v.columns, v.exprs), ' union all ' order by t.position)
  into v_blocks
  from private.sync_tables t cross join lateral private.row_values_sql(t.name, 'x') v;

  execute format(
    'with page as materialized (select * from private.sync_page_keys($1::xid8, $2, $3, $4)),
     blocks as (%s)
     select (select coalesce(json_agg(b.block order by b.pos), ''[]'') from blocks b),
            (select jsonb_build_object(''xid'', l.change_xid::text, ''id'', l.id, ''pos'', l.pos)
               from page l order by l.change_xid desc, l.id desc, l.pos desc limit 1),
            (select count(*) from page)', v_blocks)
  into v_tables, v_last, v_count
  using v_xid, v_id, v_pos, v_lim;

  if v_last is not null then
    v_xid := v_last->>'xid';
    v_id := (v_last->>'id')::uuid;
    v_pos := (v_last->>'pos')::integer;
  end if;
  return json_build_object('tables', v_tables, 'has_more', v_count = v_lim,
                            'cursor', format('%s:%s:%s:%s', v_epoch, v_xid, v_id, v_pos));
end $$;

revoke all on function public.sync_pull_compact(text, integer), private.row_values_sql(text, text),
  private.sync_page_keys(xid8, uuid, integer, integer) from public, anon;
grant execute on function public.sync_pull_compact(text, integer) to authenticated, service_role;
grant execute on function private.row_values_sql(text, text),
  private.sync_page_keys(xid8, uuid, integer, integer) to authenticated, service_role;

-- sync_priority(): what a desk's first sync needs before anything else, so the desk is usable
-- as soon as today's schedule has arrived: the clinic's reference tables in full (clinic,
-- staff, rooms, doctors and their hours, breaks, vacations, blocked periods, appointment
-- types) and the appointments of today in each clinic's own time zone (by the
-- server's clock), with their patients. Same compact blocks as sync_pull_compact; no cursor:
-- the full pull that follows delivers these rows again, and applying by version is idempotent.
create function public.sync_priority()
returns json
language plpgsql stable security invoker set search_path = '' set timezone = 'UTC' as $$
declare
  v_window text := 'select a.id, a.patient_id from public.appointments a join public.clinics c on c.id = a.clinic_id
    where a.clinic_id = any($1)
      and a.starts_at >= (date_trunc(''day'', now() at time zone c.time_zone)) at time zone c.time_zone
      and a.starts_at < (date_trunc(''day'', now() at time zone c.time_zone) + interval ''1 day'') at time zone c.time_zone';
  v_blocks text;
  v_out json;
begin
  if auth.uid() is null then
    raise exception using errcode = 'insufficient_privilege', message = 'sign in to sync';
  end if;
  select string_agg(format(
    '(select %1$s as pos, json_build_object(''table'', %2$L, ''columns'', %3$L::json,
        ''rows'', json_agg(json_build_array(%4$s))) as block
      from public.%2$I x where x.clinic_id = any($1) and %5$s having count(*) > 0)',
    t.position, t.name, v.columns, v.exprs,
    case
      when t.name in ('clinics', 'staff', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks',
                      'doctor_vacations', 'clinic_blocked_periods', 'appointment_types',
                      'doctor_appointment_types') then 'true'
      when t.name = 'appointments' then format('x.id in (select w.id from (%s) w)', v_window)
      when t.name = 'patients' then format('x.id in (select w.patient_id from (%s) w)', v_window)
    end), ' union all ' order by t.position)
  into v_blocks
  from private.sync_tables t cross join lateral private.row_values_sql(t.name, 'x') v
  where t.name in ('clinics', 'staff', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks',
                   'doctor_vacations', 'clinic_blocked_periods', 'appointment_types',
                   'doctor_appointment_types', 'appointments', 'patients');
  execute format('select coalesce(json_agg(b.block order by b.pos), ''[]'') from (%s) b', v_blocks)
    into v_out using private.clinic_ids();
  return json_build_object('tables', v_out);
end $$;

revoke all on function public.sync_priority() from public, anon;
grant execute on function public.sync_priority() to authenticated, service_role;
