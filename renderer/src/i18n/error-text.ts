import { useCallback } from 'react';
import type { Language } from '../../../shared/domain/types.ts';
import { MESSAGES, type MessageKey, type MessageParams, translate } from '../../../shared/i18n/index.ts';
import type { CommandErrorData, ReasonParams } from '../../../shared/result.ts';
import { useAppUi } from '../stores/app-ui.ts';
import { formatWhen } from './use-i18n.ts';

type ErrorLike = Pick<CommandErrorData, 'code' | 'field' | 'reason' | 'params'>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const STATUS_PARAMS = new Set(['status', 'from', 'to']);

function hasKey(language: Language, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES[language], key);
}

/**
 * The facts of a reason, ready for its template: instants (`startsAt`) become the clinic's day and
 * time, with `startsTime`/`startsDay` beside them; statuses and channels their words.
 */
export function reasonParams(language: Language, params: ReasonParams | undefined, timeZone: string | null): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = value;
    if (typeof value !== 'string') continue;
    if (ISO_INSTANT.test(value) && name.endsWith('At') && timeZone) {
      const stem = name.slice(0, -2);
      out[name] = formatWhen(language, value, timeZone);
      out[`${stem}Time`] = formatWhen(language, value, timeZone).split(' ').pop()!;
      out[`${stem}Day`] = out[name].slice(0, out[name].lastIndexOf(' '));
    } else if (STATUS_PARAMS.has(name) && hasKey(language, `status.${value}`)) {
      out[name] = translate(language, `status.${value}` as MessageKey);
    } else if (name === 'needs' && hasKey(language, `field.${value}`)) {
      out[name] = translate(language, `field.${value}` as MessageKey).toLowerCase();
    }
  }
  return out;
}

/** The label of an error's field ("Teléfono"), from its dotted path's last name part. */
function fieldLabel(language: Language, field: string | undefined): string | null {
  const name = field?.split('.').filter((p) => !/^\d+$/.test(p)).pop();
  const key = `field.${name}`;
  return name && hasKey(language, key) ? translate(language, key) : null;
}

/**
 * Words for a refusal in the desk's language, from its reason code and facts — never from
 * `message`, which is main's English for logs. A field's reason reads "Teléfono: …".
 */
export function errorText(language: Language, error: ErrorLike, timeZone: string | null, withField = true): string {
  const reasonKey = `reason.${error.reason}`;
  const key: MessageKey = error.reason && hasKey(language, reasonKey) ? reasonKey : (`reason.generic_${error.code}` as MessageKey);
  const text = hasKey(language, key) ? translate(language, key, reasonParams(language, error.params, timeZone)) : translate(language, 'reason.generic_internal');
  if (!withField || error.code !== 'validation_error') return text;
  const label = fieldLabel(language, error.field);
  return label ? `${label}: ${text}` : text;
}

/** `errorText` bound to the desk's language and the clinic's time zone. */
export function useErrorText(): (error: ErrorLike, withField?: boolean) => string {
  const language = useAppUi((s) => s.language);
  const timeZone = useAppUi((s) => s.timeZone);
  return useCallback((error, withField = true) => errorText(language, error, timeZone, withField), [language, timeZone]);
}
