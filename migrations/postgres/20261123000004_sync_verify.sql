-- Sync verification and row refetch, both as the caller (SECURITY INVOKER: RLS decides).
--
-- sync_checksums() answers, per synced table, the number of rows of the caller's clinics
-- (tombstones included) and an order-independent checksum of (id, version): the sum modulo 2^32
-- of the first 32 bits of md5('<id>:<version>'). A desk computes the same over its acknowledged
-- rows and says "synced" only when every table agrees and nothing waits to be sent.
--
-- sync_fetch(refs) returns the current server rows for [{table, id}] in sync_pull's row format
-- (national id decrypted): after a rejected update the desk restores the server's truth.

create function public.sync_checksums()
returns json
language plpgsql stable security invoker set search_path = '' as $$
declare
  v_sql text;
  v_out json;
begin
  if auth.uid() is null then
    raise exception using errcode = 'insufficient_privilege', message = 'sign in to verify';
  end if;
  select string_agg(format(
    '(select %L as tbl, count(*) as n,
             coalesce(sum((''x'' || left(md5(x.id::text || '':'' || x.version::text), 8))::bit(32)::bigint), 0)
               %% 4294967296 as sum
      from public.%I x where x.clinic_id = any($1))', t.name, t.name), ' union all ' order by t.position)
  into v_sql from private.sync_tables t;
  execute format('select json_object_agg(c.tbl, json_build_object(''count'', c.n, ''checksum'', c.sum))
                  from (%s) c', v_sql)
    into v_out using private.clinic_ids();
  return v_out;
end $$;

create function public.sync_fetch(refs jsonb)
returns json
language plpgsql stable security invoker set search_path = '' as $$
declare
  r jsonb;
  v_row json;
  v_out json[] := '{}';
begin
  if auth.uid() is null then
    raise exception using errcode = 'insufficient_privilege', message = 'sign in to fetch';
  end if;
  if jsonb_typeof(refs) is distinct from 'array' or jsonb_array_length(refs) > 1000 then
    raise exception using errcode = 'invalid_parameter_value', message = 'refs must be an array of at most 1000';
  end if;
  for r in select value from jsonb_array_elements(refs) loop
    if not exists (select 1 from private.sync_tables t where t.name = r->>'table') then
      raise exception using errcode = 'invalid_parameter_value', message = format('unknown table %s', r->>'table');
    end if;
    execute format('select %s from public.%I x where x.id = $1 and x.clinic_id = any($2)',
                   private.row_json_sql(r->>'table', 'x'), r->>'table')
      into v_row using (r->>'id')::uuid, private.clinic_ids();
    v_out := v_out || json_build_object('table', r->>'table', 'id', r->>'id', 'row', v_row);
  end loop;
  return array_to_json(v_out);
end $$;

revoke all on function public.sync_checksums(), public.sync_fetch(jsonb) from public, anon;
grant execute on function public.sync_checksums(), public.sync_fetch(jsonb) to authenticated, service_role;
