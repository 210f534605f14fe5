-- sync_push: a replay that arrives while the original call is still running (the desk's
-- request timed out on a slow server and it sent the batch again) must be answered from the
-- record, not applied a second time. Without a lock the replay did not yet see the original's
-- uncommitted record, applied the mutations itself, then hit the record's primary key or the
-- rows the original inserted: every mutation of the batch came back as a refused duplicate or
-- conflict. Now each call first takes a transaction-level advisory lock per mutation id (in
-- id order, so two calls never deadlock); a replay waits for the original to commit, and each
-- mutation's own statement then sees its recorded answer.
create or replace function public.sync_push(mutations jsonb) returns jsonb
language plpgsql security invoker set search_path = '' set timezone = 'UTC' as $$
declare
  m jsonb;
  results jsonb := '[]';
begin
  if auth.uid() is null then
    raise exception using errcode = 'insufficient_privilege', message = 'sign in to push';
  end if;
  if jsonb_typeof(mutations) is distinct from 'array' then
    raise exception using errcode = 'invalid_parameter_value', message = 'mutations must be an array';
  end if;
  if jsonb_array_length(mutations) > 1000 then
    raise exception using errcode = 'invalid_parameter_value', message = 'at most 1000 mutations per push';
  end if;
  perform pg_advisory_xact_lock(hashtextextended(k, 0))
    from (select distinct coalesce(x->>'id', '') as k from jsonb_array_elements(mutations) x order by 1) ids;
  for m in select value from jsonb_array_elements(mutations) loop
    results := results || jsonb_build_array(private.apply_mutation(m));
  end loop;
  return results;
end $$;
