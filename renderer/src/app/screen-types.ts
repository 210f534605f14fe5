import type { IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { AppInfo } from '../../../shared/domain/types.ts';

/** What every top-level screen gets from the shell (kept apart from screens.ts to avoid cycles). */
export interface ScreenProps {
  info: AppInfo;
  today: IsoDate;
}
