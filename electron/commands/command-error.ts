import { fill } from '../../shared/i18n/index.ts';
import { reasonsEn, type ReasonCode } from '../../shared/i18n/reasons-en.ts';
import type { CommandErrorData, ErrorCode, ReasonParams } from '../../shared/result.ts';

/** main's developer-facing English for a reason (the renderer words it in the desk's language). */
export function reasonMessage(reason: ReasonCode, params?: ReasonParams): string {
  return fill('en', reasonsEn[`reason.${reason}`], params);
}

/**
 * A known failure. Handlers throw it; the dispatcher turns it into an envelope. People never read
 * `message`: `because(reason, params)` says why, as data the renderer words.
 */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;
  reason?: ReasonCode;
  params?: ReasonParams;

  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.field = field;
    this.details = details;
    this.name = 'CommandError';
  }

  /** Names the reason (and its facts) the renderer words for people. */
  because(reason: ReasonCode, params?: ReasonParams): this {
    this.reason = reason;
    if (params) this.params = params;
    return this;
  }

  toData(): CommandErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** A refusal worded from its reason: `new CommandError(code, <English of reason>, field).because(reason)`. */
export function refusal(code: ErrorCode, reason: ReasonCode, params?: ReasonParams, field?: string, details?: Record<string, unknown>): CommandError {
  const text = reasonMessage(reason, params);
  return new CommandError(code, field && code === 'validation_error' ? `${field}: ${text}` : text, field, details).because(reason, params);
}

export function notFound(what: string, field?: string): CommandError {
  return new CommandError('not_found', `${what} was not found`, field).because('not_found');
}
