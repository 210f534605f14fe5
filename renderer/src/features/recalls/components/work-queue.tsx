import { useCallback, useEffect, useRef, useState } from 'react';
import { addDaysIso, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { RECALL_OUTCOMES, type RecallOutcome } from '../../../../../shared/domain/recall-queue.ts';
import type { RecallCampaign, RecallQueueNext } from '../../../../../shared/domain/recall-types.ts';
import type { AppInfo } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useLogAttempt, useNextContact, useReleaseContact } from '../api/recall-writes.ts';
import { ContactCard } from './contact-card.tsx';
import { MessageCopy } from './message-copy.tsx';
import { OutcomeButtons } from './outcome-buttons.tsx';
import { RecallSlotPicker } from './slot-picker.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';
import './work-queue.css';

interface Props {
  campaign: RecallCampaign;
  info: AppInfo;
  today: IsoDate;
}

type Mode = 'outcome' | 'callback' | 'booking';

const isTyping = (el: Element | null) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement | null)?.isContentEditable;

/**
 * The call list, one person at a time. "Next contact" claims the person for this desk (the
 * backend holds the claim a few minutes); number keys 1–7 log an outcome and move on.
 */
export function WorkQueue({ campaign, info, today }: Props) {
  const { t, formatTime } = useI18n();
  const errText = useErrorText();
  const [next, setNext] = useState<RecallQueueNext | null>(null);
  const [loading, setLoading] = useState(false);
  const [mode, setMode] = useState<Mode>('outcome');
  const [notes, setNotes] = useState('');
  const [callbackOn, setCallbackOn] = useState<IsoDate>(addDaysIso(today, 1));
  const [logged, setLogged] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextContact = useNextContact();
  const releaseContact = useReleaseContact();
  const logAttempt = useLogAttempt();
  const skip = useRef<string[]>([]);
  const busy = useRef(false);
  const contact = next?.contact ?? null;
  const claimed = useRef<string | null>(null);
  claimed.current = contact?.contactId ?? null;

  const loadNext = useCallback(async () => {
    setLoading(true);
    setError(null);
    const answer = await nextContact({ campaignId: campaign.id, skip: skip.current.slice(-200) });
    setLoading(false);
    setMode('outcome');
    setNotes('');
    setCallbackOn(addDaysIso(today, 1));
    if (answer.ok) setNext(answer.value);
    else setError(errText(answer.error));
  }, [campaign.id, today, errText, nextContact]);

  // Leaving the screen hands the person back to the other desks at once.
  useEffect(
    () => () => {
      if (claimed.current) void releaseContact({ contactId: claimed.current });
    },
    [releaseContact],
  );

  const log = useCallback(
    async (outcome: RecallOutcome, extra: { callbackOn?: IsoDate; appointmentId?: string } = {}) => {
      if (!contact || busy.current) return;
      busy.current = true;
      setError(null);
      const answer = await logAttempt({
        contactId: contact.contactId,
        outcome,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...extra,
      });
      busy.current = false;
      if (!answer.ok) {
        setError(errText(answer.error));
        return;
      }
      setLogged(t('queue.logged', { outcome: t(`outcome.${outcome}`), name: contact.name }));
      await loadNext();
    },
    [contact, notes, loadNext, t, errText, logAttempt],
  );

  const choose = useCallback(
    (outcome: RecallOutcome) => {
      if (outcome === 'call_back') setMode('callback');
      else if (outcome === 'booked') setMode('booking');
      else void log(outcome);
    },
    [log],
  );

  const skipContact = async () => {
    if (!contact) return;
    skip.current.push(contact.contactId);
    await releaseContact({ contactId: contact.contactId });
    setLogged(null);
    await loadNext();
  };

  const release = async () => {
    if (!contact) return;
    await releaseContact({ contactId: contact.contactId });
    setNext(null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || isTyping(document.activeElement)) return;
      if (!contact) {
        if (e.key === 'n' || e.key === 'N') {
          e.preventDefault();
          void loadNext();
        }
        return;
      }
      if (mode !== 'outcome') return;
      const index = Number(e.key) - 1;
      const outcome = RECALL_OUTCOMES[index];
      if (outcome && /^[1-7]$/.test(e.key)) {
        e.preventDefault();
        choose(outcome);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [contact, mode, choose, loadNext]);

  const counts = next ? (
    <p className="rc-queue__counts" data-testid="queue-counts">
      <span>{t('queue.ready', { count: next.readyCount })}</span>
      <span>{t('queue.waiting', { count: next.waitingCount })}</span>
    </p>
  ) : null;

  return (
    <div className="rc-queue" data-testid="work-queue">
      <div className="rc-queue__main">
        {/* Always there (empty until the first call), so logging a call never shifts the card. */}
        <p className="rc-queue__logged" role="status" data-testid="queue-logged" data-empty={logged ? 'false' : 'true'}>
          {logged ?? '\u00a0'}
        </p>
        {error ? <p className="rc-form-error" role="alert">{t('recalls.actionError', { message: error })}</p> : null}
        {!contact ? (
          <div className="rc-queue__empty">
            {next && !loading ? (
              <p data-testid="queue-nobody">
                {campaign.counts.open === 0
                  ? t('queue.finished')
                  : next.nextReadyAt
                    ? t('queue.nobodyUntil', { time: formatTime(next.nextReadyAt, info.clinic.timeZone) })
                    : t('queue.nobody')}
              </p>
            ) : null}
            <button type="button" className="btn btn--primary btn--big" disabled={loading} onClick={() => void loadNext()} data-testid="queue-next">
              {loading ? t('queue.loading') : next ? t('queue.next') : t('queue.start')} <kbd>N</kbd>
            </button>
            {counts}
          </div>
        ) : (
          <>
            <ContactCard contact={contact} recallTypeName={campaign.recallTypeName} today={today} timeZone={info.clinic.timeZone} />
            {mode === 'booking' ? (
              <RecallSlotPicker
                contact={contact}
                recallTypeId={campaign.recallTypeId}
                today={today}
                timeZone={info.clinic.timeZone}
                onBooked={(appointmentId) => void log('booked', { appointmentId })}
                onClose={() => setMode('outcome')}
              />
            ) : (
              <div className="rc-queue__log">
                <label className="rc-field">
                  <span>{t('queue.notes')}</span>
                  <textarea
                    rows={2}
                    maxLength={2000}
                    value={notes}
                    placeholder={t('queue.notesPlaceholder')}
                    data-testid="queue-notes"
                    onChange={(e) => setNotes(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') e.currentTarget.blur();
                    }}
                  />
                </label>
                <OutcomeButtons disabled={loading} selected={mode === 'callback' ? 'call_back' : null} onChoose={choose} />
                {mode === 'callback' ? (
                  <form
                    className="rc-field-row rc-queue__callback"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void log('call_back', { callbackOn });
                    }}
                  >
                    <label className="rc-field">
                      <span>{t('queue.callbackOn')}</span>
                      <DateField className="" autoFocus required min={today} value={callbackOn} onChange={setCallbackOn} />
                    </label>
                    <button type="submit" className="btn btn--primary">
                      {t('queue.logCallback')}
                    </button>
                    <button type="button" className="btn" onClick={() => setMode('outcome')}>
                      {t('recallTypes.cancel')}
                    </button>
                  </form>
                ) : null}
                <div className="rc-queue__nav">
                  <button type="button" className="btn" disabled={loading} onClick={() => void skipContact()} data-testid="queue-skip">
                    {t('queue.skip')}
                  </button>
                  <button type="button" className="btn" disabled={loading} onClick={() => void release()}>
                    {t('queue.release')}
                  </button>
                  {counts}
                </div>
              </div>
            )}
          </>
        )}
      </div>
      {contact ? <MessageCopy key={contact.contactId} contact={contact} /> : null}
    </div>
  );
}
