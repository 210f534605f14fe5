import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import type { PatientSummary } from '../../../../../shared/domain/booking-types.ts';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import '../../../components/patient-picker.css';

interface Props {
  onPick(patient: PatientSummary): void;
}

const SEARCH_DELAY_MS = 120;

/** Search box with a keyboard-navigable result list (↑ ↓ Enter). */
export function PatientPicker({ onPick }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const input = useMemo(() => (query ? { query, limit: 8 } : null), [query]);
  const { state } = useCommandQuery('patients.search', input, { refreshOn: ['patients'] });
  const result = query ? state.data : null;
  const hits = result?.patients ?? [];
  useEffect(() => setActive(0), [query]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      onPick(hits[active]);
    }
  };

  return (
    <div className="picker" role="search">
      <label htmlFor="money-patient-search" className="picker__label">
        {t('patient.search')}
      </label>
      <input
        id="money-patient-search"
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="money-patient-results"
        aria-activedescendant={hits[active] ? `money-patient-${hits[active].id}` : undefined}
        autoComplete="off"
        placeholder={t('patient.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="money-patient-search"
        autoFocus
      />
      {query && (
        <ul id="money-patient-results" role="listbox" className="picker__list" aria-label={t('patient.search')}>
          {result?.hint === 'too_short' && <li className="picker__note">{t('patient.tooShort')}</li>}
          {result && !result.hint && hits.length === 0 && <li className="picker__note">{t('patient.none')}</li>}
          {hits.map((p, i) => (
            <li
              key={p.id}
              id={`money-patient-${p.id}`}
              role="option"
              aria-selected={i === active}
              className="picker__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(p)}
              data-testid="money-patient-option"
            >
              <span>
                {p.firstName} {p.lastName}
              </span>
              <span className="muted">{p.phone ?? ''}</span>
            </li>
          ))}
          {result?.hasMore && <li className="picker__note">{t('patient.more')}</li>}
        </ul>
      )}
    </div>
  );
}
