import { useI18n } from '../../../i18n/use-i18n.ts';

const BANDS = ['free', 'busy', 'break', 'vacation', 'blocked'] as const;

/** The key under the week grid and the all-doctors day view: one swatch per kind of time. */
export function AvailabilityLegend() {
  const { t } = useI18n();
  return (
    <ul className="week__legend">
      {BANDS.map((k) => (
        <li key={k}>
          <span className={`week__swatch week__band--${k}`} aria-hidden="true" /> {t(`avail.band.${k}`)}
        </li>
      ))}
      <li>
        <span className="week__swatch week__swatch--off" aria-hidden="true" /> {t('avail.off')}
      </li>
    </ul>
  );
}
