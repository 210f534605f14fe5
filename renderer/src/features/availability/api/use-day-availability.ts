import { useCallback, useEffect, useRef, useState } from 'react';
import type { DayAvailability } from '../../../../../shared/domain/availability.ts';
import { addDaysIso, isoWeekday, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke, onEvent } from '../../../api.ts';

export interface DoctorDay {
  doctorId: string;
  doctorName: string;
  day: DayAvailability;
}

const TABLES = ['appointments', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'clinic_blocked_periods', 'doctors'];

/**
 * Free and busy time of every given doctor on one day: one 'availability.week' per doctor (the
 * same read model as the week grid), refreshed on 'data.changed'. Older answers never win.
 */
export function useDayAvailability(doctorIds: readonly string[], date: IsoDate) {
  const [rows, setRows] = useState<DoctorDay[] | null>(null);
  const [error, setError] = useState<CommandErrorData | null>(null);
  const seq = useRef(0);
  const key = doctorIds.join(',');

  const load = useCallback(() => {
    const ids = key ? key.split(',') : [];
    const mine = ++seq.current;
    const weekStart = addDaysIso(date, 1 - isoWeekday(date));
    void Promise.all(ids.map((doctorId) => invoke('availability.week', { doctorId, weekStart }))).then((answers) => {
      if (mine !== seq.current) return;
      const failed = answers.find((a) => !a.ok);
      if (failed && !failed.ok) {
        setError(failed.error);
        return;
      }
      setError(null);
      setRows(
        answers.flatMap((a) => {
          const day = a.ok ? a.value.days.find((d) => d.date === date) : undefined;
          return a.ok && day ? [{ doctorId: a.value.doctorId, doctorName: a.value.doctorName, day }] : [];
        }),
      );
    });
  }, [key, date]);

  useEffect(() => load(), [load]);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.name !== 'data.changed') return;
        const changed = (event.payload as { tables: string[] }).tables;
        if (changed.some((t) => TABLES.includes(t))) load();
      }),
    [load],
  );

  return { rows, error };
}
