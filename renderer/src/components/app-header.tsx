import type { IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { AppInfo, SyncStatus } from '../../../shared/domain/types.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { DeskSecurityButton } from '../features/lock/components/desk-security.tsx';
import { SyncIndicator } from '../features/sync/components/sync-indicator.tsx';
import './app-header.css';

interface Props {
  info: AppInfo;
  sync: SyncStatus;
  date: IsoDate;
  today: IsoDate;
}

/** The fixed top bar: clinic, the date shown, sync status and language. */
export function AppHeader({ info, sync, date, today }: Props) {
  const { t, formatDay } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__clinic" data-testid="clinic-name">
          {info.clinic.name}
        </span>
        <span className="app-header__app">{t('app.title')}</span>
      </div>
      <h1 className="app-header__date" aria-label={`${t('header.shownDate')}: ${formatDay(date)}`}>
        <span data-testid="shown-date" data-date={date}>
          {formatDay(date)}
        </span>
        {date === today && <span className="app-header__today">{t('nav.today')}</span>}
      </h1>
      <div className="app-header__tools">
        <SyncIndicator status={sync} />
        {/* One place for the acting person: name (desk security) and one Lock button. */}
        <div className="user-menu" data-testid="user-menu">
          <DeskSecurityButton />
          <UserMenu />
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
