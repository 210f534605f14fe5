-- The blocked flag of a patient (and its reason) is set and cleared by managers and admins only,
-- as the desk's patients.update says; the server judges again on push, since members may otherwise
-- write patients. A signed-in member who is neither is refused with insufficient_privilege, which
-- sync_push answers as a 'forbidden' rejection. Roles other than 'authenticated' (the service
-- role, migrations, seeding) are not staff and pass.
create function private.guard_patient_flag() returns trigger
language plpgsql set search_path = '' as $$
begin
  if current_user <> 'authenticated' then
    return new;
  end if;
  if (tg_op = 'INSERT' and (new.blocked <> 0 or new.blocked_reason is not null))
     or (tg_op = 'UPDATE' and (new.blocked is distinct from old.blocked
                               or new.blocked_reason is distinct from old.blocked_reason)) then
    if not (new.clinic_id = any ((select private.clinic_ids_with_role('{admin,manager}'))::uuid[])) then
      raise exception using errcode = 'insufficient_privilege',
        message = 'only a manager or an admin can flag a patient or clear the flag';
    end if;
  end if;
  return new;
end $$;
revoke all on function private.guard_patient_flag() from public;

create trigger patients_guard_flag before insert or update on public.patients
  for each row execute function private.guard_patient_flag();
