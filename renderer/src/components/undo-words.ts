import type { UndoFacts } from '../../../shared/domain/booking-types.ts';
import type { Language } from '../../../shared/domain/types.ts';
import { MESSAGES, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import { formatWhen } from '../i18n/use-i18n.ts';

const has = (language: Language, key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(MESSAGES[language], key);

/**
 * The undo toast's words from main's facts, in the desk's language and the clinic's time zone:
 * 'did' says what was done ("Booked José Álvarez, Wed 9 Dec 09:30"; Undo is the offer beside it),
 * 'undone' what Undo then did.
 */
export function undoText(language: Language, facts: UndoFacts, timeZone: string, phase: 'did' | 'undone'): string {
  const when = (at: string | null) => (at ? formatWhen(language, at, timeZone) : '');
  const status = (s: string | null) => (s && has(language, `status.${s}`) ? translate(language, `status.${s}` as MessageKey) : (s ?? ''));
  const params = {
    patient: facts.patient,
    startsAt: when(facts.startsAt),
    previousStartsAt: when(facts.previousStartsAt),
    status: status(facts.status),
    previousStatus: status(facts.previousStatus),
  };
  let key = `undo.${phase}.${facts.kind}`;
  if (phase === 'did' && facts.kind === 'status') key = `undo.did.status.${facts.status}`;
  return translate(language, has(language, key) ? key : `undo.${phase}.book`, params);
}
