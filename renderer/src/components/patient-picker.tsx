import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { PatientSummary } from '../../../shared/domain/booking-types.ts';
import { usePatientSearch } from '../hooks/use-patient-search.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useBirthDate } from '../hooks/use-birth-date.ts';
import './patient-picker.css';

interface Props {
  onPick(patient: PatientSummary): void;
  /** Shows "New patient" beside the search, starting from what is typed. */
  onCreateNew?(query: string): void;
  /** What is typed in the search (the booking dialog asks before Escape drops it). */
  onQueryChange?(query: string): void;
  /** Prefix of the test ids: `<prefix>-search` on the box, `<prefix>-option` on each match. */
  testId?: string;
}

/** Search by name, phone or national id; ↑/↓ move through the matches, Enter picks. */
export function PatientPicker({ onPick, onCreateNew, onQueryChange, testId = 'patient' }: Props) {
  const { t } = useI18n();
  const birth = useBirthDate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { state, settled } = usePatientSearch(query, 8);
  const listId = useId();
  const result = settled && state.data ? state.data : null;
  const patients = result?.patients ?? [];

  useEffect(() => setActive(0), [settled]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (patients.length === 0) return;
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : patients.length - 1)) % patients.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const p = patients[active];
      if (p) onPick(p);
    }
  };

  let note = '';
  if (!settled) note = t('booking.searchHint');
  else if (result?.hint === 'too_short') note = t('booking.searchTooShort');
  else if (result && patients.length === 0) note = t('booking.searchNone');
  else if (result?.hasMore) note = t('booking.searchMore');

  return (
    <div className="picker">
      <div className="picker__row">
        <input
          type="search"
          className="input picker__input"
          autoFocus
          data-initial-focus
          role="combobox"
          aria-expanded={patients.length > 0}
          aria-controls={listId}
          aria-activedescendant={patients[active] ? `${listId}-${active}` : undefined}
          aria-label={t('booking.searchPatient')}
          placeholder={t('booking.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            onQueryChange?.(e.target.value);
          }}
          onKeyDown={onKeyDown}
          data-testid={`${testId}-search`}
        />
        {onCreateNew && (
          <button type="button" className="btn" onClick={() => onCreateNew(query)} data-testid="new-patient">
            {t('booking.newPatient')}
          </button>
        )}
      </div>
      <ul className="picker__list" id={listId} role="listbox" aria-label={t('booking.matches')}>
        {patients.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="picker__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
            data-patient-id={p.id}
            data-testid={`${testId}-option`}
          >
            <span className="picker__name">
              {p.firstName} {p.lastName}
              {p.blocked && <span className="tag tag--danger">{t('patients.blocked')}</span>}
            </span>
            <span className="picker__meta">
              {[p.phone, birth(p.birthDate), p.nationalId].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <p className="picker__note" role="status">
        {note}
      </p>
    </div>
  );
}
