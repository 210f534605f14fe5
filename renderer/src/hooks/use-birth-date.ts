import { format } from 'date-fns';
import { useCallback } from 'react';
import { ageOn } from '../../../shared/domain/age.ts';
import { todayIn, type IsoDate } from '../../../shared/domain/clinic-time.ts';
import { DESK_LOCALES } from '../i18n/desk-locale.ts';
import { DATE_LOCALES, useI18n } from '../i18n/use-i18n.ts';
import { useAppInfo } from './use-app-info.ts';

/**
 * A birth date with its year and the age today in the clinic, in the desk language:
 * "born 20 Aug 1988 (38 years)" / "nac. 20 ago 1988 (38 años)". Namesakes can be told apart.
 */
export function useBirthDate(): (birthDate: IsoDate | null | undefined) => string | null {
  const { t, language } = useI18n();
  const timeZone = useAppInfo().state.data?.clinic.timeZone;
  return useCallback(
    (birthDate) => {
      if (!birthDate) return null;
      const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
      const date = format(new Date(y, m - 1, d), t('date.birth'), { locale: DATE_LOCALES[language] });
      const age = ageOn(birthDate, todayIn(timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone));
      if (age === null) return date;
      const years = new Intl.NumberFormat(DESK_LOCALES[language], { style: 'unit', unit: 'year', unitDisplay: 'long' }).format(age);
      return t('patient.birthAge', { date, age: years });
    },
    [t, language, timeZone],
  );
}
