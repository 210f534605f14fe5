/** The Supabase session as supabase-js stores it (only the fields we read), and key naming. */
export interface StoredSession {
  access_token: string;
  refresh_token: string;
  /** Epoch seconds. */
  expires_at: number;
  user?: { id: string; email?: string };
}

export function parseStoredSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredSession> & { currentSession?: StoredSession };
    const s = v.currentSession ?? v; // very old supabase-js wrapped it
    if (typeof s.access_token !== 'string' || typeof s.refresh_token !== 'string') return null;
    const expiresAt = typeof s.expires_at === 'number' ? s.expires_at : 0;
    return { access_token: s.access_token, refresh_token: s.refresh_token, expires_at: expiresAt, ...(s.user ? { user: s.user } : {}) };
  } catch {
    return null;
  }
}

/** supabase-js storage keys ("clinic-desk-auth", "...-code-verifier") → SecretStore names. */
export function secretKeyFor(storageKey: string): string {
  return `sb-${storageKey.toLowerCase().replace(/[^a-z0-9._-]/g, '_')}`.slice(0, 64);
}
