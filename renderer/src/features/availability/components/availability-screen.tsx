import type { ScreenProps } from '../../../app/screen-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';

/** Doctor availability: the week grid, "find next free" and (for managers) the editors. */
export function AvailabilityScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen" aria-label={t('screen.availability')} data-testid="availability-screen" />
  );
}
