import { useState, type FormEvent } from 'react';
import type { AvailabilitySettings, PeriodView } from '../../../../../shared/domain/availability-admin-types.ts';
import { instantToLocalDate, instantToLocalMinute, isValidIsoDate, localMinuteToInstant, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useAddClosure, useRemoveClosure } from '../api/availability-writes.ts';
import { bareMessage, useGuardedWrite } from '../hooks/use-guarded-write.ts';
import { FieldError } from './field-error.tsx';
import { OrphanWarning } from './orphan-warning.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import { TimeField } from '../../../components/time-field.tsx';
import './closures-editor.css';

type Field = 'from' | 'to' | 'reason';
const EMPTY = { from: '', fromTime: '', to: '', toTime: '', reason: '' };
const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Clinic holidays and closures: whole days, or from/to a time; booked appointments inside are listed first. */
export function ClosuresEditor({ settings, today }: { settings: AvailabilitySettings; today: IsoDate }) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const tz = settings.timeZone;
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const write = useGuardedWrite();
  const addClosure = useAddClosure();
  const removeClosure = useRemoveClosure();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!isValidIsoDate(form.from)) next.from = t('avail.err.date');
    const to = form.to || form.from;
    if (form.to && !isValidIsoDate(form.to)) next.to = t('avail.err.date');
    if (form.reason.trim().length > 200) next.reason = t('avail.err.tooLong', { max: 200 });
    let startsAt = '';
    let endsAt = '';
    if (!next.from && !next.to) {
      startsAt = localMinuteToInstant(form.from, form.fromTime ? minuteOf(form.fromTime) : 0, tz);
      // Without an end time the last day is included: the closure ends at the next midnight.
      endsAt = localMinuteToInstant(to, form.toTime ? minuteOf(form.toTime) : 1440, tz);
      if (endsAt <= startsAt) next.to = t('avail.err.endAfterStart');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const reason = form.reason.trim() || null;
    // Reset inside the send: the save may happen later, on "Save anyway".
    await write.run(async (confirmOrphans) => {
      const answer = await addClosure({ startsAt, endsAt, reason, ...(confirmOrphans ? { confirmOrphans } : {}) });
      if (answer.ok) setForm(EMPTY);
      return answer;
    });
  };

  const describe = (p: PeriodView) => {
    const startDay = instantToLocalDate(p.startsAt, tz);
    const startMin = instantToLocalMinute(p.startsAt, tz);
    const endMin = instantToLocalMinute(p.endsAt, tz);
    const lastDay = instantToLocalDate(endMin === 0 ? new Date(Date.parse(p.endsAt) - 1).toISOString() : p.endsAt, tz);
    const from = `${formatDay(startDay, 'short')}${startMin ? ` ${formatTime(p.startsAt, tz)}` : ''}`;
    const until = `${lastDay !== startDay ? formatDay(lastDay, 'short') : ''}${endMin ? ` ${formatTime(p.endsAt, tz)}` : ''}`.trim();
    return until ? `${from} – ${until}` : from;
  };
  const errorOf = (f: Field) =>
    errors[f] ?? (write.error && ((f === 'from' && write.error.field === 'startsAt') || (f === 'to' && write.error.field === 'endsAt') || write.error.field === f) ? bareMessage(write.error) : undefined);
  const set = (patch: Partial<typeof EMPTY>, field: Field) => {
    setForm((v) => ({ ...v, ...patch }));
    setErrors((v) => ({ ...v, [field]: undefined }));
  };
  const attrs = (f: Field) => ({ 'aria-invalid': Boolean(errorOf(f)), 'aria-describedby': `closure-${f}-error` });

  return (
    <div className="editor" data-testid="closures-editor">
      <h3>{t('avail.closures')}</h3>
      <p className="muted editor__hint">{t('avail.closuresHint')}</p>
      <OrphanWarning write={write} timeZone={tz} />
      {write.error && !['startsAt', 'endsAt', 'reason'].includes(write.error.field ?? '') && (
        <p className="form-error" role="alert" data-testid="editor-error">
          {errText(write.error)}
        </p>
      )}
      <ul className="editor__rows" aria-label={t('avail.closures')}>
        {settings.blocked.map((p) => (
          <li key={p.id} className="editor__row" data-testid="closure-row">
            <span className="closures__when">{describe(p)}</span>
            <span className="closures__reason">{p.reason ?? ''}</span>
            <button
              type="button"
              className="btn btn--small"
              disabled={write.busy}
              aria-label={t('avail.removeNamed', { name: describe(p) })}
              onClick={() => void write.run(() => removeClosure({ id: p.id }))}
            >
              {t('avail.remove')}
            </button>
          </li>
        ))}
        {settings.blocked.length === 0 && <li className="muted">{t('avail.noneYet')}</li>}
      </ul>
      <form className="closures__form" onSubmit={(e) => void add(e)} noValidate data-testid="add-closure">
        <label className={`field${errorOf('from') ? ' field--error' : ''}`}>
          <span>{t('avail.firstDay')}</span>
          <DateField name="from" min={today} value={form.from} onChange={(v) => set({ from: v }, 'from')} {...attrs('from')} />
          <FieldError id="closure-from-error" message={errorOf('from')} />
        </label>
        <label className="field">
          <span>{t('avail.fromTime')}</span>
          <TimeField stepMinutes={5} name="fromTime" value={form.fromTime} onChange={(v) => set({ fromTime: v }, 'from')} />
        </label>
        <label className={`field${errorOf('to') ? ' field--error' : ''}`}>
          <span>{t('avail.lastDay')}</span>
          <DateField name="to" min={form.from || today} value={form.to} onChange={(v) => set({ to: v }, 'to')} {...attrs('to')} />
          <FieldError id="closure-to-error" message={errorOf('to')} />
        </label>
        <label className="field">
          <span>{t('avail.untilTime')}</span>
          <TimeField stepMinutes={5} name="toTime" value={form.toTime} onChange={(v) => set({ toTime: v }, 'to')} />
        </label>
        <label className={`field closures__reason-field${errorOf('reason') ? ' field--error' : ''}`}>
          <span>{t('avail.reason')}</span>
          <input className="input" name="reason" value={form.reason} placeholder={t('avail.closureExample')} onChange={(e) => set({ reason: e.target.value }, 'reason')} {...attrs('reason')} />
          <FieldError id="closure-reason-error" message={errorOf('reason')} />
        </label>
        <div className="closures__actions">
          <button type="submit" className="btn btn--primary" disabled={write.busy}>
            {t('avail.addClosure')}
          </button>
        </div>
      </form>
      <p className="muted editor__hint">{t('avail.closureTimesHint')}</p>
      {write.saved && (
        <p className="muted" role="status">
          {t('avail.saved')}
        </p>
      )}
    </div>
  );
}
