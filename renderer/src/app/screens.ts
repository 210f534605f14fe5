import { type ComponentType, lazy } from 'react';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { ScheduleRoute } from '../features/schedule/components/schedule-route.tsx';
import { MANAGERS } from '../../../shared/command-roles.ts';
import type { StaffRole } from '../../../shared/domain/types.ts';
import type { ScreenProps } from './screen-types.ts';

/**
 * A screen loaded on first visit (its own chunk), so the cold start only parses the schedule's
 * code: the recall charts alone (recharts, d3) were over half of the single bundle.
 */
function later<M>(load: () => Promise<M>, pick: (module: M) => ComponentType<ScreenProps>): ComponentType<ScreenProps> {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

const AvailabilityScreen = later(() => import('../features/availability/components/availability-screen.tsx'), (m) => m.AvailabilityScreen);
const PatientsScreen = later(() => import('../features/patients/components/patients-screen.tsx'), (m) => m.PatientsScreen);
const MoneyScreen = later(() => import('./money-screen.tsx'), (m) => m.MoneyScreen);
const OverdueScreen = later(() => import('../features/money/components/overdue-screen.tsx'), (m) => m.OverdueScreen);
const RecallsScreen = later(() => import('../features/recalls/components/recalls-screen.tsx'), (m) => m.RecallsScreen);
const AuditScreen = later(() => import('../features/audit/components/audit-screen.tsx'), (m) => m.AuditScreen);
const SyncScreen = later(() => import('../features/sync/components/sync-screen.tsx'), (m) => m.SyncScreen);

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
