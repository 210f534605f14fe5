import type { CommandErrorData, ErrorCode } from '../../shared/result.ts';

/** A known, user-facing failure. Handlers throw it; the dispatcher turns it into an envelope. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.field = field;
    this.details = details;
    this.name = 'CommandError';
  }

  toData(): CommandErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function notFound(what: string, field?: string): CommandError {
  return new CommandError('not_found', `${what} was not found`, field);
}
