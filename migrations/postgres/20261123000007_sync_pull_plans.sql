-- A first sync of a large clinic, server side: plans that stay cheap whatever the statistics
-- say, and a progress total that does not hash every row.
--
-- 1. sync_page_keys: right after a bulk load (a new clinic imported, a restored backup) the
--    tables have no statistics yet; the planner then guessed a dozen rows per clinic and read
--    each page's keys with a bitmap scan of ALL the clinic's remaining rows plus a sort (every
--    page O(remaining rows): ~70 ms per 5,000-row page at 50k appointments, 4x that at 200k).
--    Only the ordered (clinic_id, change_xid, id) index scan makes a page O(page size), so the
--    alternatives are switched off for this function's statements. JIT is off for the sync
--    functions: with fresh statistics their cost estimates crossed jit_above_cost and each call
--    paid ~100 ms of compilation for a query of a few ms.
-- 2. sync_priority: today's appointments were found by scanning all of the clinic's
--    appointments (the day bounds depend on the clinic's time zone, so the (clinic_id,
--    starts_at) index was not used) and then each block scanned its table again for `id in
--    (...)`: 0.7-1 s at 200k appointments, on the critical path of a first sync. Now the bounds
--    are computed per clinic first, the window is an index range scan, and each block is joined
--    from the window's ids.
-- 3. sync_counts(): rows per table (no checksum) for the first sync's progress total; the full
--    sync_checksums hashed every row (~0.4 s at 200k) while the first pages were being built.

create or replace function private.sync_page_keys(p_xid xid8, p_id uuid, p_pos integer, p_lim integer)
returns table (pos integer, change_xid xid8, id uuid)
language plpgsql stable security definer set search_path = ''
  set enable_seqscan = off set enable_bitmapscan = off set jit = off as $$
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

alter function public.sync_pull_compact(text, integer) set jit = off;
alter function public.sync_checksums() set jit = off;

create or replace function public.sync_priority()
returns json
language plpgsql stable security invoker set search_path = '' set timezone = 'UTC' set jit = off as $$
declare
  -- Today in each clinic's own time zone (by the server's clock), as an index range per clinic.
  -- (`offset 0` keeps the lateral a parameterized index range scan: flattened, the planner
  -- hash-joined a scan of all the clinic's appointments.)
  v_window text := 'select a.id, a.patient_id
    from public.clinics c
    cross join lateral (select date_trunc(''day'', now() at time zone c.time_zone) as d) l
    cross join lateral (select a.id, a.patient_id from public.appointments a
      where a.clinic_id = c.id and a.starts_at >= l.d at time zone c.time_zone
        and a.starts_at < (l.d + interval ''1 day'') at time zone c.time_zone offset 0) a
    where c.id = any($1)';
  v_blocks text;
  v_out json;
begin
  if auth.uid() is null then
    raise exception using errcode = 'insufficient_privilege', message = 'sign in to sync';
  end if;
  select string_agg(format(
    '(select %1$s as pos, json_build_object(''table'', %2$L, ''columns'', %3$L::json,
        ''rows'', json_agg(json_build_array(%4$s))) as block
      from %5$s having count(*) > 0)',
    t.position, t.name, v.columns, v.exprs,
    case
      when t.name = 'appointments' then format('(%s) w join public.appointments x on x.id = w.id', v_window)
      when t.name = 'patients' then
        format('(select distinct w.patient_id from (%s) w) w join public.patients x on x.id = w.patient_id', v_window)
      else format('public.%I x where x.clinic_id = any($1)', t.name)
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

create function public.sync_counts()
returns json
language plpgsql stable security invoker set search_path = '' set jit = off as $$
declare
  v_sql text;
  v_out json;
begin
  if auth.uid() is null then
    raise exception using errcode = 'insufficient_privilege', message = 'sign in to sync';
  end if;
  select string_agg(format('(select %L as tbl, count(*) as n from public.%I x where x.clinic_id = any($1))', t.name, t.name),
                    ' union all ' order by t.position)
  into v_sql from private.sync_tables t;
  execute format('select json_object_agg(c.tbl, c.n) from (%s) c', v_sql) into v_out using private.clinic_ids();
  return v_out;
end $$;

revoke all on function public.sync_counts() from public, anon;
grant execute on function public.sync_counts() to authenticated, service_role;
