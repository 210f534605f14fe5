import { useRef, type KeyboardEvent } from 'react';
import type { AvailabilitySettings } from '../../../../../shared/domain/availability-admin-types.ts';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { MessageKey } from '../../../../../shared/i18n/index.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { ClosuresEditor } from './closures-editor.tsx';
import { RoomsEditor } from './rooms-editor.tsx';
import { StatusLeadEditor } from './status-lead-editor.tsx';
import { TypesEditor } from './types-editor.tsx';
import { WeekEditor } from './week-editor.tsx';
import './editor-tabs.css';

export type EditorTab = 'hours' | 'rooms' | 'types' | 'closures';
const TABS: readonly { id: EditorTab; label: MessageKey }[] = [
  { id: 'hours', label: 'avail.tab.hours' },
  { id: 'rooms', label: 'avail.rooms' },
  { id: 'types', label: 'avail.types' },
  { id: 'closures', label: 'avail.closures' },
];

interface Props {
  tab: EditorTab;
  onTab(tab: EditorTab): void;
  doctorId: string;
  settings: AvailabilitySettings;
  today: IsoDate;
}

/** The editors (admins and managers) as tabs; ←/→, Home and End move between tabs. */
export function EditorTabs({ tab, onTab, doctorId, settings, today }: Props) {
  const { t } = useI18n();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const j = (next + TABS.length) % TABS.length;
    onTab(TABS[j]!.id);
    refs.current[j]?.focus();
  };

  return (
    <div className="editors" data-testid="availability-editors">
      <div className="avail-tabs" role="tablist" aria-label={t('avail.editors')} onKeyDown={onKeyDown}>
        {TABS.map((x, i) => (
          <button
            key={x.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`avail-tab-${x.id}`}
            aria-controls={`avail-panel-${x.id}`}
            aria-selected={tab === x.id}
            tabIndex={tab === x.id ? 0 : -1}
            className="avail-tabs__tab"
            onClick={() => onTab(x.id)}
            data-testid={`editor-tab-${x.id}`}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`avail-panel-${tab}`} aria-labelledby={`avail-tab-${tab}`} className="editors__panel">
        {tab === 'hours' && doctorId && <WeekEditor key={doctorId} doctorId={doctorId} settings={settings} />}
        {tab === 'rooms' && <RoomsEditor settings={settings} />}
        {tab === 'types' && <TypesEditor settings={settings} />}
        {tab === 'closures' && (
          <>
            <ClosuresEditor settings={settings} today={today} />
            <StatusLeadEditor settings={settings} />
          </>
        )}
      </div>
    </div>
  );
}
