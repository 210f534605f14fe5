import type { MessageKey, MessageParams } from '../../../../../shared/i18n/index.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

/** "just now", "2 min ago", "3 h ago", "2 d ago" (never negative: a future time reads "just now"). */
export function relativeTime(t: T, instant: string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - Date.parse(instant)) / 1000);
  if (seconds < 60) return t('sync.justNow');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('sync.minutesAgo', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('sync.hoursAgo', { count: hours });
  return t('sync.daysAgo', { count: Math.floor(hours / 24) });
}
