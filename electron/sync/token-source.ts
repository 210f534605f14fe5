/**
 * Where the sync engine gets the signed-in user's access token. The auth module implements it
 * (supabase-js session in main, offline unlock); tests implement a small fetch-based one.
 * The engine never calls into auth while it believes it is offline: it calls `refresh()` only
 * after the server itself answered 401, so a dead network never blocks on a refresh.
 */
export interface TokenSource {
  /** Current access token if usable now, without blocking on the network; null = signed out. */
  accessToken(): Promise<string | null>;
  /** Called when the server said 401: try a refresh (if online) and report whether a new token exists. */
  refresh(): Promise<boolean>;
  /** Staff id of the signed-in user (queued writes carry it); null = nobody signed in. */
  staffId(): string | null;
  /** The server just accepted this token (a sync cycle went through): the session is online again. */
  accepted?(): void;
}
