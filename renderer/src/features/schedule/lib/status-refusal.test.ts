import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../shared/domain/types.ts';
import { translate } from '../../../../../shared/i18n/index.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import type { I18n } from '../../../i18n/use-i18n.ts';
import { statusRefusalText } from './status-refusal.ts';

/** The hook's helpers without React: the day as its ISO date, times as Madrid "HH:mm". */
function i18nOf(language: Language): I18n {
  return {
    language,
    t: (key, params) => translate(language, key, params),
    formatDay: (date) => `«${date}»`,
    formatTime: (instant, timeZone) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(instant)),
    formatNumber: (value) => new Intl.NumberFormat(language).format(value),
    formatWhen: (instant) => instant,
  };
}

const TZ = 'Europe/Madrid';
const tooEarly: CommandErrorData = {
  code: 'status_too_early',
  message: 'arrived is allowed from 2026-12-09T07:30:00.000Z',
  field: 'status',
  details: { status: 'arrived', earliestAt: '2026-12-09T07:30:00.000Z', startsAt: '2026-12-09T08:30:00.000Z', leadMinutes: 60 },
};
const noShow: CommandErrorData = {
  code: 'no_show_too_early',
  message: 'no_show is allowed from 2026-12-09T08:30:00.000Z',
  field: 'status',
  details: { status: 'no_show', earliestAt: '2026-12-09T08:30:00.000Z', startsAt: '2026-12-09T08:30:00.000Z', leadMinutes: 60 },
};

describe('statusRefusalText', () => {
  it('words a check-in refused as too early in the clinic time, in English and Spanish', () => {
    expect(statusRefusalText(tooEarly, i18nOf('en'), TZ)).toBe('Too early to check in: check-in opens «2026-12-09» at 08:30, 60 min before the visit.');
    expect(statusRefusalText(tooEarly, i18nOf('es'), TZ)).toBe(
      'Demasiado pronto para registrar la llegada: se puede desde el «2026-12-09» a las 08:30, 60 min antes de la cita.',
    );
  });

  it('names the status that was refused', () => {
    const completed = { ...tooEarly, details: { ...tooEarly.details, status: 'completed' } };
    expect(statusRefusalText(completed, i18nOf('en'), TZ)).toMatch(/^Too early to complete the visit/);
    expect(statusRefusalText(completed, i18nOf('es'), TZ)).toMatch(/^Demasiado pronto para completar la consulta/);
  });

  it('words a no-show before the start', () => {
    expect(statusRefusalText(noShow, i18nOf('en'), TZ)).toBe('Not a no-show yet: the visit starts «2026-12-09» at 09:30.');
    expect(statusRefusalText(noShow, i18nOf('es'), TZ)).toBe('Aún no es una ausencia: la cita empieza el «2026-12-09» a las 09:30.');
  });

  it('leaves any other error to the caller, never showing the English message', () => {
    expect(statusRefusalText({ code: 'invalid_transition', message: 'An appointment…', details: { from: 'a', to: 'b' } }, i18nOf('es'), TZ)).toBeNull();
    expect(statusRefusalText({ ...tooEarly, details: {} }, i18nOf('en'), TZ)).toBeNull();
  });
});
