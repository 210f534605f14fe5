import { useState } from 'react';
import type { ScreenProps } from '../../../app/screen-types.ts';
import { usePatientSearch } from '../../../hooks/use-patient-search.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { PatientDetailPanel } from './patient-detail.tsx';
import { useBirthDate } from '../../../hooks/use-birth-date.ts';
import './patients-screen.css';

/** Patients: search and list on the left, the chosen patient's details and appointments on the right. */
export function PatientsScreen({ info }: ScreenProps) {
  const { t } = useI18n();
  const birth = useBirthDate();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { state, settled } = usePatientSearch(query, 50);
  const result = settled && state.data ? state.data : null;

  return (
    <main className="screen patients" aria-label={t('screen.patients')} data-testid="patients-screen">
      <div className="toolbar">
        <input
          type="search"
          className="input patients__search"
          autoFocus
          aria-label={t('patients.search')}
          placeholder={t('booking.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="patients-search"
        />
        <span className="muted">
          {result?.hint === 'too_short' ? t('booking.searchTooShort') : result?.hasMore ? t('booking.searchMore') : ''}
        </span>
      </div>
      <div className="patients__body">
        <ul className="patients__list" aria-label={t('booking.matches')}>
          {(result?.patients ?? []).map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="patients__item"
                aria-current={p.id === selectedId ? 'true' : undefined}
                onClick={() => setSelectedId(p.id)}
                data-patient-id={p.id}
              >
                <span className="picker__name">
                  {p.lastName}, {p.firstName}
                  {p.blocked && <span className="tag tag--danger">{t('patients.blocked')}</span>}
                </span>
                <span className="picker__meta">
                  {[p.phone, birth(p.birthDate)].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
          {settled && result && result.patients.length === 0 && result.hint === null && <li className="muted patients__none">{t('booking.searchNone')}</li>}
        </ul>
        <section className="patients__detail">
          {selectedId ? (
            <PatientDetailPanel key={selectedId} id={selectedId} timeZone={info.clinic.timeZone} />
          ) : (
            <p className="state state__hint">{t('patients.pickOne')}</p>
          )}
        </section>
      </div>
    </main>
  );
}
