import { type FormEvent, useState } from 'react';
import { Modal } from '../../../components/modal.tsx';
import { useCan } from '../../../hooks/use-can.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useDeskLock } from '../../../stores/desk-lock.ts';
import { useSetIdleLock, useSetPin } from '../api/lock-writes.ts';
import { lockDesk } from '../api/use-desk-lock-state.ts';
import './lock.css';
import { useErrorText } from '../../../i18n/error-text.ts';

/** Header tools: who is acting, Lock now, and the desk-security dialog (own PIN, idle time). */
export function DeskSecurityButton() {
  const { t } = useI18n();
  const state = useDeskLock((s) => s.state);
  const [open, setOpen] = useState(false);
  if (!state) return null;
  return (
    <div className="user-menu__part" data-testid="desk-security">
      <button
        type="button"
        className="btn btn--small desk-security__who"
        title={`${t('lock.settings')}${state.acting ? ` · ${t(`role.${state.acting.role}`)}` : ''}`}
        onClick={() => setOpen(true)}
        data-testid="acting-staff"
        data-role={state.acting?.role}
      >
        {state.acting?.displayName ?? t('lock.settings')}
      </button>
      {state.canLock && !state.passwordUser && (
        <button type="button" className="btn btn--small" title={t('lock.nowTitle')} onClick={() => void lockDesk('manual')} data-testid="lock-now">
          {t('lock.now')}
        </button>
      )}
      {open && <DeskSecurityDialog onClose={() => setOpen(false)} />}
    </div>
  );
}

function DeskSecurityDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const state = useDeskLock((s) => s.state);
  const setState = useDeskLock((s) => s.setState);
  const canSetIdle = useCan('settings.setIdleLock');
  const saveOwnPin = useSetPin();
  const setIdleLock = useSetIdleLock();
  const [pin, setPin] = useState('');
  const [minutes, setMinutes] = useState(String(Math.max(1, Math.round((state?.idleSeconds ?? 300) / 60))));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!state) return null;

  const savePin = async (e: FormEvent) => {
    e.preventDefault();
    const answer = await saveOwnPin({ pin });
    setPin('');
    if (answer.ok) setState(answer.value);
    setMessage(answer.ok ? { ok: true, text: t('lock.pinSaved') } : { ok: false, text: errText(answer.error) });
  };
  const saveIdle = async (e: FormEvent) => {
    e.preventDefault();
    const answer = await setIdleLock({ seconds: Math.round(Number(minutes) * 60) });
    if (answer.ok) setState(answer.value);
    setMessage(answer.ok ? { ok: true, text: t('lock.idleSaved') } : { ok: false, text: errText(answer.error) });
  };

  return (
    <Modal title={t('lock.settingsTitle')} closeLabel={t('lock.close')} onClose={onClose} testId="desk-security-dialog">
      <div className="desk-security">
        {state.acting && (
          <p className="desk-security__acting">{t('lock.acting', { name: state.acting.displayName, role: t(`role.${state.acting.role}`) })}</p>
        )}
        {!state.actingHasPin && <p className="muted">{t('lock.noPinYet')}</p>}
        <form onSubmit={(e) => void savePin(e)}>
          <label className="field">
            <span>{t('lock.newPin')}</span>
            <input
              className="input"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              data-testid="new-pin"
            />
          </label>
          <button type="submit" className="btn btn--primary" disabled={pin.length < 4} data-testid="save-pin">
            {state.actingHasPin ? t('lock.changePin') : t('lock.setPin')}
          </button>
        </form>
        {canSetIdle && (
          <form onSubmit={(e) => void saveIdle(e)}>
            <label className="field">
              <span>{t('lock.idleMinutes')}</span>
              <input className="input" type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="idle-minutes" />
            </label>
            <button type="submit" className="btn" data-testid="save-idle">
              {t('lock.save')}
            </button>
          </form>
        )}
        {message && (
          <p className={message.ok ? 'muted' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </div>
    </Modal>
  );
}
