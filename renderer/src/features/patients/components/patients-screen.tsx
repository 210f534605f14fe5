import type { ScreenProps } from '../../../app/screen-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';

/** Patients: search, details, contact preferences and appointments. */
export function PatientsScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return <main className="screen" aria-label={t('screen.patients')} data-testid="patients-screen" />;
}
