import { useEffect, useState } from 'react';
import { firstOverlap } from '../../../../../shared/availability-admin-schemas.ts';
import type { AvailabilitySettings } from '../../../../../shared/domain/availability-admin-types.ts';
import { instantToLocalDate, localMinuteToInstant } from '../../../../../shared/domain/clinic-time.ts';
import type { MessageKey } from '../../../../../shared/i18n/index.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useAddVacation, useRemoveVacation, useSaveWeek } from '../api/availability-writes.ts';
import { useDoctorSchedule } from '../api/use-schedules.ts';
import { type GuardedSend, useGuardedWrite } from '../hooks/use-guarded-write.ts';
import { OrphanWarning } from './orphan-warning.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import { TimeField } from '../../../components/time-field.tsx';

interface Range {
  id?: string;
  weekday: number;
  start: string;
  end: string;
  roomId: string;
  label: string;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (v: string) => {
  const [h, m] = v.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Weekly hours (several ranges per weekday, per room), breaks and absences of one doctor. */
export function WeekEditor({ doctorId, settings }: { doctorId: string; settings: AvailabilitySettings }) {
  const { t, formatDay } = useI18n();
  const errText = useErrorText();
  const tz = settings.timeZone;
  const { state } = useDoctorSchedule(doctorId);
  const saveWeekOf = useSaveWeek();
  const addVacationOf = useAddVacation();
  const removeVacation = useRemoveVacation();
  const schedule = state.data;
  const [hours, setHours] = useState<Range[]>([]);
  const [breaks, setBreaks] = useState<Range[]>([]);
  const write = useGuardedWrite();
  const [localError, setLocalError] = useState<CommandErrorData | null>(null);
  const error = localError ?? write.error;
  const [vac, setVac] = useState({ from: '', to: '', reason: '' });

  useEffect(() => {
    if (!schedule || schedule.doctorId !== doctorId) return;
    setHours(schedule.hours.map((h) => ({ id: h.id, weekday: h.weekday, start: hhmm(h.startMinute), end: hhmm(h.endMinute), roomId: h.roomId ?? '', label: '' })));
    setBreaks(schedule.breaks.map((b) => ({ id: b.id, weekday: b.weekday, start: hhmm(b.startMinute), end: hhmm(b.endMinute), roomId: '', label: b.label ?? '' })));
  }, [schedule, doctorId]);

  /** The first range that ends before it starts, or overlaps another on its weekday, as a field error. */
  const checkRanges = (): CommandErrorData | null => {
    for (const [kind, list] of [['hours', hours], ['breaks', breaks]] as const) {
      const ranges = list.map((r) => ({ weekday: r.weekday, startMinute: minutes(r.start), endMinute: minutes(r.end) }));
      const bad = ranges.findIndex((r, i) => !list[i]!.start || !list[i]!.end || r.endMinute <= r.startMinute);
      if (bad >= 0) return { code: 'validation_error', message: `${t(`weekday.${ranges[bad]!.weekday}` as MessageKey)}: ${t('avail.err.endAfterStart')}`, field: `${kind}.${bad}.endMinute` };
      const overlap = firstOverlap(ranges);
      if (overlap >= 0) return { code: 'validation_error', message: `${t(`weekday.${ranges[overlap]!.weekday}` as MessageKey)}: ${t('avail.err.overlap')}`, field: `${kind}.${overlap}.startMinute` };
    }
    return null;
  };
  const run = (send: GuardedSend) => {
    setLocalError(null);
    return write.run(send);
  };

  const saveWeek = () => {
    const problem = checkRanges();
    setLocalError(problem);
    if (problem) return;
    void run(async (confirmOrphans) => {
      const a = await saveWeekOf({
        doctorId,
        hours: hours.map((h) => ({ ...(h.id ? { id: h.id } : {}), weekday: h.weekday, startMinute: minutes(h.start), endMinute: minutes(h.end), roomId: h.roomId || null })),
        breaks: breaks.map((b) => ({ ...(b.id ? { id: b.id } : {}), weekday: b.weekday, startMinute: minutes(b.start), endMinute: minutes(b.end), label: b.label || null })),
        ...(confirmOrphans ? { confirmOrphans } : {}),
      });
      return a;
    });
  };

  const addVacation = () => {
    if (!vac.from || !vac.to || vac.to < vac.from) {
      setLocalError({ code: 'validation_error', message: t('avail.vacDates'), field: 'startsAt' });
      return;
    }
    void run(async (confirmOrphans) => {
      const a = await addVacationOf({
        doctorId,
        startsAt: localMinuteToInstant(vac.from, 0, tz),
        // The last day is included: the absence ends at the next midnight.
        endsAt: localMinuteToInstant(vac.to, 1440, tz),
        reason: vac.reason || null,
        ...(confirmOrphans ? { confirmOrphans } : {}),
      });
      if (a.ok) setVac({ from: '', to: '', reason: '' });
      return a;
    });
  };

  const rangeRows = (list: Range[], set: (r: Range[]) => void, kind: 'hours' | 'breaks') =>
    list.map((r, i) => {
      const bad = error?.field?.startsWith(`${kind}.${i}.`);
      const update = (patch: Partial<Range>) => set(list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
      return (
        <tr key={r.id ?? `new-${i}`} className={bad ? 'is-bad' : ''}>
          <td>
            <select className="input" aria-label={t('avail.weekday')} value={r.weekday} onChange={(e) => update({ weekday: Number(e.target.value) })}>
              {WEEKDAYS.map((w) => (
                <option key={w} value={w}>
                  {t(`weekday.${w}`)}
                </option>
              ))}
            </select>
          </td>
          <td>
            <TimeField stepMinutes={5} aria-label={t('avail.start')} aria-invalid={bad && error?.field?.endsWith('startMinute')} value={r.start} onChange={(v) => update({ start: v })} />
          </td>
          <td>
            <TimeField stepMinutes={5} aria-label={t('avail.end')} aria-invalid={bad && error?.field?.endsWith('endMinute')} value={r.end} onChange={(v) => update({ end: v })} />
          </td>
          <td>
            {kind === 'hours' ? (
              <select className="input" aria-label={t('avail.room')} value={r.roomId} onChange={(e) => update({ roomId: e.target.value })}>
                <option value="">{t('avail.noRoom')}</option>
                {settings.rooms.filter((x) => x.active || x.id === r.roomId).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            ) : (
              <input className="input" aria-label={t('avail.label')} placeholder={t('avail.label')} value={r.label} onChange={(e) => update({ label: e.target.value })} />
            )}
          </td>
          <td>
            <button type="button" className="btn btn--small" onClick={() => set(list.filter((_, j) => j !== i))}>
              {t('avail.remove')}
            </button>
          </td>
        </tr>
      );
    });

  return (
    <div className="editor" data-testid="week-editor">
      <OrphanWarning write={write} timeZone={tz} />
      {error && (
        <p className="form-error" role="alert" data-testid="editor-error">
          {localError ? localError.message : errText(error)}
        </p>
      )}
      <section>
        <h3>{t('avail.weeklyHours')}</h3>
        <table className="editor__table">
          <tbody>{rangeRows(hours, setHours, 'hours')}</tbody>
        </table>
        <button type="button" className="btn btn--small" onClick={() => setHours([...hours, { weekday: 1, start: '09:00', end: '14:00', roomId: '', label: '' }])}>
          + {t('avail.addRange')}
        </button>
      </section>
      <section>
        <h3>{t('avail.breaks')}</h3>
        <table className="editor__table">
          <tbody>{rangeRows(breaks, setBreaks, 'breaks')}</tbody>
        </table>
        <button type="button" className="btn btn--small" onClick={() => setBreaks([...breaks, { weekday: 1, start: '11:00', end: '11:30', roomId: '', label: '' }])}>
          + {t('avail.addBreak')}
        </button>
      </section>
      <div className="form-actions">
        {write.saved && !error && <span className="muted" role="status">{t('avail.saved')}</span>}
        <button type="button" className="btn btn--primary" onClick={saveWeek} disabled={write.busy} data-testid="save-week">
          {t('avail.saveWeek')}
        </button>
      </div>
      <section>
        <h3>{t('avail.vacations')}</h3>
        <ul className="editor__list">
          {(schedule?.vacations ?? []).map((v) => (
            <li key={v.id}>
              {formatDay(instantToLocalDate(v.startsAt, tz), 'short')} – {formatDay(instantToLocalDate(new Date(Date.parse(v.endsAt) - 1).toISOString(), tz), 'short')}
              {v.reason ? ` · ${v.reason}` : ''}
              <button type="button" className="btn btn--small" onClick={() => void run(() => removeVacation({ id: v.id }))}>
                {t('avail.remove')}
              </button>
            </li>
          ))}
        </ul>
        <div className="editor__add">
          <DateField aria-label={t('booking.from')} value={vac.from} onChange={(v) => setVac({ ...vac, from: v })} />
          <DateField aria-label={t('avail.end')} value={vac.to} onChange={(v) => setVac({ ...vac, to: v })} />
          <input className="input" placeholder={t('avail.reason')} aria-label={t('avail.reason')} value={vac.reason} onChange={(e) => setVac({ ...vac, reason: e.target.value })} />
          <button type="button" className="btn" onClick={addVacation} data-testid="add-vacation">
            {t('avail.add')}
          </button>
        </div>
      </section>
    </div>
  );
}
