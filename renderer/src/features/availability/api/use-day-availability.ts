import { useCallback, useEffect, useRef, useState } from 'react';
import type { DayAvailability } from '../../../../../shared/domain/availability.ts';
import { addDaysIso, isoWeekday, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke, onEvent } from '../../../data/api.ts';
import { readsOf, touches } from '../../../data/command-reads.ts';

export interface DoctorDay {
  doctorId: string;
  doctorName: string;
  day: DayAvailability;
}

/**
 * Free and busy time of every given doctor on one day: one 'availability.week' per doctor (the
 * same read model as the week grid), refreshed when a table it reads changes. Older answers never win.
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
        if (touches(readsOf('availability.week'), changed)) load();
      }),
    [load],
  );

  return { rows, error };
}
