-- sync_pull_compact(cursor, lim, part, parts): a first sync fetches its pages in two streams at
-- once. One stream left the server's cores idle a third of the time (each page is one backend
-- reading, encoding and sending while the desk applies the previous page): 23 pages of 10,000
-- rows took 10.2-11.8 s one after another and 5.4-7.2 s two at a time on the same 2-core VM.
--
-- A stream is the ordinary keyset walk restricted to the rows whose id falls in its part (by the
-- id's last byte, so any id scheme splits evenly). A row's id never changes, so each part is a
-- complete sync of its rows on its own, with the same cursor, horizon and ordering rules; the
-- parts together are every row. A desk keeps the smaller of its streams' cursors: resuming from
-- it re-delivers some rows of the stream that was ahead, which applying by version ignores.
-- parts = 1 (the default) is exactly the former function, so older desks are unaffected.

drop function public.sync_pull_compact(text, integer);
drop function private.sync_page_keys(xid8, uuid, integer, integer);

create function private.sync_page_keys(p_xid xid8, p_id uuid, p_pos integer, p_lim integer,
                                       p_part integer, p_parts integer)
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
          and ($8 = 1 or get_byte(uuid_send(x.id), 15) %% $8 = $7)
        order by x.change_xid, x.id limit $4 + 1) k)',
    t.position, t.name), ' union all ' order by t.position)
  into v_sql from private.sync_tables t;
  return query execute format(
    'select c.pos, c.change_xid, c.id from (%s) c
     where (c.change_xid, c.id, c.pos) > ($1, $2, $3)
     order by c.change_xid, c.id, c.pos limit $4', v_sql)
  using p_xid, p_id, p_pos, p_lim, private.clinic_ids(), pg_snapshot_xmin(pg_current_snapshot()),
        p_part, p_parts;
end $$;

create function public.sync_pull_compact(cursor text default null, lim integer default 5000,
                                         part integer default 0, parts integer default 1)
returns json
language plpgsql security invoker set search_path = '' set timezone = 'UTC' set jit = off as $$
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
  if parts is null or parts < 1 or parts > 8 then
    raise exception using errcode = 'invalid_parameter_value', message = 'parts must be 1 to 8';
  end if;
  if part is null or part < 0 or part >= parts then
    raise exception using errcode = 'invalid_parameter_value', message = 'part must be 0 to parts - 1';
  end if;
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
    'with page as materialized (select * from private.sync_page_keys($1::xid8, $2, $3, $4, $5, $6)),
     blocks as (%s)
     select (select coalesce(json_agg(b.block order by b.pos), ''[]'') from blocks b),
            (select jsonb_build_object(''xid'', l.change_xid::text, ''id'', l.id, ''pos'', l.pos)
               from page l order by l.change_xid desc, l.id desc, l.pos desc limit 1),
            (select count(*) from page)', v_blocks)
  into v_tables, v_last, v_count
  using v_xid, v_id, v_pos, v_lim, part, parts;

  if v_last is not null then
    v_xid := v_last->>'xid';
    v_id := (v_last->>'id')::uuid;
    v_pos := (v_last->>'pos')::integer;
  end if;
  return json_build_object('tables', v_tables, 'has_more', v_count = v_lim,
                            'cursor', format('%s:%s:%s:%s', v_epoch, v_xid, v_id, v_pos));
end $$;

revoke all on function public.sync_pull_compact(text, integer, integer, integer),
  private.sync_page_keys(xid8, uuid, integer, integer, integer, integer) from public, anon;
grant execute on function public.sync_pull_compact(text, integer, integer, integer) to authenticated, service_role;
grant execute on function private.sync_page_keys(xid8, uuid, integer, integer, integer, integer)
  to authenticated, service_role;
