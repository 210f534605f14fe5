import type { PatientRecallDue } from '../../../shared/domain/recall-types.ts';
import { useRecallsDue } from '../data/patient-commands.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import './patient-recalls.css';
import { useErrorText } from '../i18n/error-text.ts';

/**
 * A patient's recall due dates, one line per active recall type. A shared widget so the
 * patients feature can show it without importing the recalls feature.
 */
export function PatientRecalls({ patientId }: { patientId: string }) {
  const { t, formatDay } = useI18n();
  const errText = useErrorText();
  const { state } = useRecallsDue(patientId);
  const when = (r: PatientRecallDue) => {
    if (!r.dueDate || r.daysUntil === null) return t('patientRecalls.noVisit');
    const due = t('patientRecalls.due', { date: formatDay(r.dueDate, 'short') });
    if (r.daysUntil < 0) return `${due} · ${t('patientRecalls.overdue', { days: -r.daysUntil })}`;
    if (r.daysUntil === 0) return t('patientRecalls.today');
    return `${due} · ${t('patientRecalls.inDays', { days: r.daysUntil })}`;
  };
  return (
    <section className="patient-recalls" aria-label={t('patientRecalls.title')} data-testid="patient-recalls">
      <h3>{t('patientRecalls.title')}</h3>
      {state.status === 'error' ? <p role="alert">{t('recalls.loadError', { message: errText(state.error) })}</p> : null}
      {state.data && state.data.length === 0 ? <p className="patient-recalls__none">{t('patientRecalls.none')}</p> : null}
      <ul>
        {(state.data ?? []).map((r) => (
          <li key={r.recallTypeId} className={`patient-recalls__item patient-recalls__item--${r.state}`} data-state={r.state}>
            <span>{r.recallTypeName}</span>
            <span>{when(r)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
