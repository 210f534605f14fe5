import { useCallback, useRef, useState } from 'react';
import type { OrphanAppointment } from '../../../../../shared/domain/availability-admin-types.ts';
import type { CommandErrorData, Envelope } from '../../../../../shared/result.ts';
import { errorText } from '../../../i18n/error-text.ts';
import { useAppUi } from '../../../stores/app-ui.ts';

/** One editor write; `confirm` is true on the resend after the user saw the stranded appointments. */
export type GuardedSend = (confirm: boolean) => Promise<Envelope<unknown>>;

export interface GuardedWrite {
  error: CommandErrorData | null;
  /** Appointments the last write would strand; the write waits for `confirm()` or `dismiss()`. */
  orphans: OrphanAppointment[] | null;
  saved: boolean;
  busy: boolean;
  /** Runs a write; true when it was saved. A 'conflict' listing appointments asks first. */
  run(send: GuardedSend): Promise<boolean>;
  confirm(): Promise<boolean>;
  dismiss(): void;
  fail(error: CommandErrorData): void;
  reset(): void;
}

/**
 * The orphan flow of the availability editors: the command answers 'conflict' with
 * details.appointments until it is resent with confirmOrphans, which only `confirm()` does.
 */
export function useGuardedWrite(onSaved?: () => void): GuardedWrite {
  const [error, setError] = useState<CommandErrorData | null>(null);
  const [orphans, setOrphans] = useState<OrphanAppointment[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const pending = useRef<GuardedSend | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const send = useCallback(async (fn: GuardedSend, confirm: boolean): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const answer = await fn(confirm).catch((e: unknown): Envelope<unknown> => ({
      ok: false,
      error: { code: 'internal', message: e instanceof Error ? e.message : String(e), reason: 'generic_internal' },
    }));
    setBusy(false);
    if (answer.ok) {
      pending.current = null;
      setOrphans(null);
      setSaved(true);
      onSavedRef.current?.();
      return true;
    }
    const list = answer.error.details?.appointments as OrphanAppointment[] | undefined;
    if (answer.error.code === 'conflict' && list && !confirm) {
      pending.current = fn;
      setOrphans(list);
    } else {
      pending.current = null;
      setOrphans(null);
      setError(answer.error);
    }
    return false;
  }, []);

  return {
    error,
    orphans,
    saved,
    busy,
    run: useCallback((fn: GuardedSend) => send(fn, false), [send]),
    confirm: useCallback(() => (pending.current ? send(pending.current, true) : Promise.resolve(false)), [send]),
    dismiss: useCallback(() => {
      pending.current = null;
      setOrphans(null);
    }, []),
    fail: useCallback((e: CommandErrorData) => {
      setSaved(false);
      setError(e);
    }, []),
    reset: useCallback(() => {
      pending.current = null;
      setOrphans(null);
      setError(null);
      setSaved(false);
    }, []),
  };
}

/** The server's message without its "field: " prefix (the field is shown by the form itself). */
/** A field's refusal without the field name, in the desk's language (never main's English `message`). */
export const bareMessage = (e: CommandErrorData) => {
  const { language, timeZone } = useAppUi.getState();
  return errorText(language, e, timeZone, false);
};
