import type { ScreenProps } from '../../../app/screen-types.ts';
import { useScheduleUi } from '../stores/schedule-ui.ts';
import { ScheduleScreen } from './schedule-screen.tsx';

/** The schedule as a top-level screen: the shown date lives in the schedule's own store. */
export function ScheduleRoute({ info, today }: ScreenProps) {
  const date = useScheduleUi((s) => s.date);
  if (!date) return null;
  return <ScheduleScreen clinic={info.clinic} date={date} today={today} />;
}
