import type { ServerConfig } from './auth-service.ts';

/**
 * The server to sync with: command-line values win over the environment
 * (CLINIC_DESK_SUPABASE_URL, CLINIC_DESK_SUPABASE_ANON_KEY); null = local only.
 */
export function serverFromEnv(
  env: NodeJS.ProcessEnv,
  flags: { url?: string | undefined; anonKey?: string | undefined } = {},
): ServerConfig | null {
  const url = (flags.url ?? env.CLINIC_DESK_SUPABASE_URL ?? '').trim();
  const anonKey = (flags.anonKey ?? env.CLINIC_DESK_SUPABASE_ANON_KEY ?? '').trim();
  if (!url && !anonKey) return null;
  if (!url || !anonKey) throw new Error('Give both the server URL and its anon key (CLINIC_DESK_SUPABASE_URL and CLINIC_DESK_SUPABASE_ANON_KEY).');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The server URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('The server URL must be http(s).');
  return { url: url.replace(/\/+$/, ''), anonKey };
}
