import { type IsoDate, instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { RecallQueueContact } from '../../../../../shared/domain/recall-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './contact-card.css';

/** Everything the caller needs before dialling: who, how to reach them, why, and what was said before. */
interface Props {
  contact: RecallQueueContact;
  recallTypeName: string | null;
  today: IsoDate;
  timeZone: string;
}

const dayNumber = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

export function ContactCard({ contact, recallTypeName, today, timeZone }: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const overdue = contact.dueDate ? dayNumber(today) - dayNumber(contact.dueDate) : 0;
  // Said in the UI language when the parts are known; the stored English reason otherwise.
  const reason =
    contact.dueDate && recallTypeName
      ? `${t('queue.dueOn', { type: recallTypeName, date: formatDay(contact.dueDate) })}${overdue > 0 ? ` · ${t('queue.overdueDays', { days: overdue })}` : ''}`
      : (contact.dueReason ?? '—');
  const when = (instant: string) => `${formatDay(instantToLocalDate(instant, timeZone), 'short')} ${formatTime(instant, timeZone)}`;
  return (
    <article className="rc-contact" data-testid="contact-card" data-contact-id={contact.contactId} aria-labelledby="contact-name">
      <header className="rc-contact__head">
        <h2 id="contact-name" data-testid="contact-name">
          {contact.name}
        </h2>
        {contact.claimedUntil ? (
          <span className="rc-contact__claim" data-testid="contact-claim" title={contact.claimedUntil}>
            {t('queue.claimedUntil', { time: formatTime(contact.claimedUntil, timeZone) })}
          </span>
        ) : null}
      </header>
      <div className="rc-contact__phone">
        {contact.phone ? (
          <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} data-testid="contact-phone">
            {contact.phone}
          </a>
        ) : (
          <span className="rc-muted">{t('queue.noPhone')}</span>
        )}
        <span className={`rc-channel rc-channel--${contact.preferredChannel}`}>
          {t('queue.preferred')}: {t(`channel.${contact.preferredChannel}`)}
        </span>
      </div>
      <dl className="rc-contact__facts">
        <dt>{t('queue.dueReason')}</dt>
        <dd data-testid="contact-reason">{reason}</dd>
        <dt>{t('queue.lastVisit')}</dt>
        <dd>{contact.lastVisit ? formatDay(contact.lastVisit) : '—'}</dd>
        <dt>{t('results.attempts')}</dt>
        <dd>{t('queue.attempts', { n: contact.attempts + 1, max: contact.maxAttempts })}</dd>
        {contact.email ? (
          <>
            <dt>{t('detail.email')}</dt>
            <dd>{contact.email}</dd>
          </>
        ) : null}
      </dl>
      <section className="rc-contact__history" aria-label={t('queue.history')}>
        <h3>{t('queue.history')}</h3>
        {contact.history.length === 0 ? (
          <p className="rc-muted">{t('queue.noHistory')}</p>
        ) : (
          <ol data-testid="contact-history">
            {contact.history.map((a) => (
              <li key={a.id}>
                <span className="rc-contact__when">{when(a.attemptedAt)}</span>
                <span className={`rc-outcome rc-outcome--${a.outcome}`}>{t(`outcome.${a.outcome}`)}</span>
                {a.callbackOn ? <span>→ {formatDay(a.callbackOn, 'short')}</span> : null}
                <span className="rc-muted">{a.attemptedByName ?? t('queue.unknownStaff')}</span>
                {a.notes ? <q className="rc-contact__note">{a.notes}</q> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
