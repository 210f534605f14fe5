import { useState } from 'react';
import type { RecoveryInfo } from '../../../../../shared/domain/types.ts';
import { useDismissRecovery } from '../api/use-dismiss-recovery.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { recoveryText } from '../lib/recovery-text.ts';
import './recovery-banner.css';

/**
 * After a damaged database was rebuilt from the server: a calm notice under the header until
 * someone at this desk dismisses it (kept in the desk's local settings, so once is enough).
 */
export function RecoveryBanner({ recovery }: { recovery: RecoveryInfo | undefined }) {
  const { t } = useI18n();
  const [closedAt, setClosedAt] = useState<string | null>(null);
  const dismissRecovery = useDismissRecovery();
  if (!recovery || recovery.dismissed || closedAt === recovery.at) return null;
  const dismiss = () => {
    setClosedAt(recovery.at);
    void dismissRecovery({});
  };
  return (
    <div className="recovery-banner" role="status" data-testid="recovery-banner">
      <div className="recovery-banner__text">
        <strong>{t('recovery.title')}</strong>
        <span>{recoveryText(t, recovery)}</span>
      </div>
      <button type="button" className="btn btn--small" onClick={dismiss} data-testid="recovery-dismiss">
        {t('recovery.dismiss')}
      </button>
    </div>
  );
}
