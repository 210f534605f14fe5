/** The envelope every command answers with; errors cross the boundary as data, never as throws. */
export type ErrorCode =
  | 'validation_error'
  | 'unknown_command'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  /** A status the clock does not allow yet (details: status, earliestAt, startsAt, leadMinutes). */
  | 'status_too_early'
  | 'no_show_too_early'
  | 'overlap'
  | 'forbidden'
  | 'unauthorized'
  | 'offline'
  | 'internal';

/** Facts a reason is worded with: names, counts, ISO instants (`…At`) and codes. */
export type ReasonParams = Readonly<Record<string, string | number>>;

export interface CommandErrorData {
  code: ErrorCode;
  /** English, for developers and logs only: the renderer words `reason` + `params` instead. */
  message: string;
  /** Why, as a code the renderer words in the desk's language (shared/i18n/reasons-*.ts). */
  reason?: string;
  params?: ReasonParams;
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string;
  /** Extra machine-readable facts (e.g. the overlapping appointment ids). */
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CommandErrorData };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(error: CommandErrorData): Envelope<never> {
  return { ok: false, error };
}
