-- What a hosted Supabase project already has before any project migration runs: the API roles,
-- the `extensions` schema, a minimal `auth` schema with auth.uid()/auth.jwt(), and the
-- migration history table of the Supabase CLI. Only the local stack runs this file.

-- Roles are cluster-wide; the rest is per database.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
    create role authenticated nologin noinherit;
    create role service_role nologin noinherit bypassrls;
    create role authenticator login noinherit;
    grant anon, authenticated, service_role to authenticator;
  end if;
end $$;

grant usage on schema public to anon, authenticated, service_role;
-- Supabase's default: new public tables and functions are granted to the API roles; RLS and
-- explicit revokes in the migrations narrow that.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

create schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension pgcrypto with schema extensions;

create schema auth;
grant usage on schema auth to anon, authenticated, service_role;

create table auth.users (
  instance_id          uuid,
  id                   uuid primary key,
  aud                  varchar(255) default 'authenticated',
  role                 varchar(255) default 'authenticated',
  email                varchar(255) unique,
  encrypted_password   varchar(255),
  email_confirmed_at   timestamptz,
  last_sign_in_at      timestamptz,
  raw_app_meta_data    jsonb default '{"provider":"email","providers":["email"]}',
  raw_user_meta_data   jsonb default '{}',
  banned_until         timestamptz,
  created_at           timestamptz default now(),
  updated_at           timestamptz default now(),
  -- Local stack only: lockout after repeated failed sign-ins.
  failed_attempts      integer not null default 0,
  locked_until         timestamptz
);

create table auth.sessions (
  id          uuid primary key,
  user_id     uuid not null references auth.users(id) on delete cascade,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table auth.refresh_tokens (
  id          bigserial primary key,
  token       varchar(255) unique not null,
  user_id     uuid not null references auth.users(id) on delete cascade,
  session_id  uuid not null references auth.sessions(id) on delete cascade,
  parent      varchar(255),
  revoked     boolean not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

-- Same definitions as Supabase: PostgREST puts the verified JWT claims in request.jwt.claims.
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                  nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;
create function auth.uid() returns uuid language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
$$;
create function auth.role() returns text language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text
$$;
create function auth.email() returns text language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.email', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text
$$;
grant execute on all functions in schema auth to anon, authenticated, service_role;

create schema supabase_migrations;
create table supabase_migrations.schema_migrations (
  version     text primary key,
  statements  text[],
  name        text
);
