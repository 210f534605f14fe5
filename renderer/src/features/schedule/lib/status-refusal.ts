import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import type { I18n } from '../../../i18n/use-i18n.ts';

type Timed = 'arrived' | 'in_progress' | 'completed';
const TIMED = new Set<string>(['arrived', 'in_progress', 'completed']);

/**
 * The words for a status change the clock refused (status_too_early / no_show_too_early, with
 * their data), in the desk's language and the clinic's time; null for any other error.
 */
export function statusRefusalText(error: CommandErrorData, i18n: I18n, timeZone: string): string | null {
  const d = error.details ?? {};
  const earliestAt = typeof d.earliestAt === 'string' ? d.earliestAt : null;
  if (!earliestAt) return null;
  const when = { day: i18n.formatDay(instantToLocalDate(earliestAt, timeZone), 'short'), time: i18n.formatTime(earliestAt, timeZone) };
  if (error.code === 'no_show_too_early') return i18n.t('statusRule.noShowTooEarly', when);
  if (error.code === 'status_too_early' && typeof d.status === 'string' && TIMED.has(d.status)) {
    const minutes = typeof d.leadMinutes === 'number' ? d.leadMinutes : 0;
    return i18n.t(`statusRule.tooEarly.${d.status as Timed}`, { ...when, minutes: new Intl.NumberFormat(i18n.language).format(minutes) });
  }
  return null;
}
