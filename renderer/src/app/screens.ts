import type { ComponentType } from 'react';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { AvailabilityScreen } from '../features/availability/components/availability-screen.tsx';
import { PatientsScreen } from '../features/patients/components/patients-screen.tsx';
import { MoneyScreen } from '../features/money/components/money-screen.tsx';
import { OverdueScreen } from '../features/money/components/overdue-screen.tsx';
import { SyncScreen } from '../features/sync/components/sync-screen.tsx';
import { RecallsScreen } from '../features/recalls/components/recalls-screen.tsx';
import { ScheduleRoute } from '../features/schedule/components/schedule-route.tsx';
import { MANAGERS } from '../../../shared/command-roles.ts';
import type { StaffRole } from '../../../shared/domain/types.ts';
import { AuditScreen } from '../features/audit/components/audit-screen.tsx';
import type { ScreenProps } from './screen-types.ts';

export type { ScreenProps } from './screen-types.ts';

export interface ScreenDef {
  /** Stable id (used in data-screen attributes and the nav store). */
  id: string;
  labelKey: MessageKey;
  /** Digit for Alt+<digit>; shown in the tab's title. */
  shortcut: string;
  component: ComponentType<ScreenProps>;
  /** Who sees the screen (absent: everyone); mirrors shared/command-roles.ts, main checks again. */
  roles?: readonly StaffRole[];
}

/**
 * The top-level screens, in tab order. Adding a screen is one entry here (plus its label in
 * shared/i18n); the nav bar, Alt+<digit> and the shell pick it up.
 */
export const screens: readonly ScreenDef[] = [
  { id: 'schedule', labelKey: 'screen.schedule', shortcut: '1', component: ScheduleRoute },
  { id: 'availability', labelKey: 'screen.availability', shortcut: '2', component: AvailabilityScreen },
  { id: 'patients', labelKey: 'screen.patients', shortcut: '3', component: PatientsScreen },
  { id: 'money', labelKey: 'screen.money', shortcut: '4', component: MoneyScreen },
  { id: 'overdue', labelKey: 'screen.overdue', shortcut: '5', component: OverdueScreen },
  { id: 'recalls', labelKey: 'screen.recalls', shortcut: '6', component: RecallsScreen },
  { id: 'audit', labelKey: 'screen.audit', shortcut: '7', component: AuditScreen, roles: MANAGERS },
  { id: 'sync', labelKey: 'screen.sync', shortcut: '9', component: SyncScreen },
];

/** The screens the acting person may see (role null: only the unrestricted ones). */
export function visibleScreens(role: StaffRole | null): ScreenDef[] {
  return screens.filter((s) => !s.roles || (role !== null && s.roles.includes(role)));
}

export function findScreen(id: string, role: StaffRole | null = null): ScreenDef {
  const visible = visibleScreens(role);
  return visible.find((s) => s.id === id) ?? visible[0]!;
}
