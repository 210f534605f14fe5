import { useEffect, useState } from 'react';
import type { RecallQueueContact, RenderedMessage } from '../../../../../shared/domain/recall-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useRecallMessage } from '../api/use-recall-data.ts';
import { copyText } from '../lib/browser-io.ts';
import './message-copy.css';

type Channel = RenderedMessage['channel'];
const CHANNELS: readonly Channel[] = ['sms', 'whatsapp', 'email'];

/** The recall message for this contact, filled from the templates, ready to paste elsewhere. */
export function MessageCopy({ contact }: { contact: RecallQueueContact }) {
  const { t, language: uiLanguage } = useI18n();
  const preferred: Channel = contact.preferredChannel === 'phone' ? 'sms' : contact.preferredChannel;
  const [channel, setChannel] = useState<Channel>(preferred);
  const [language, setLanguage] = useState<RenderedMessage['language']>(uiLanguage);
  const message = useRecallMessage({ contactId: contact.contactId, channel, language }).state.data;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => setCopied(null), [contact.contactId, channel, language]);

  const full = message ? (message.subject ? `${message.subject}\n\n${message.text}` : message.text) : '';

  return (
    <aside className="rc-message" aria-label={t('message.title')} data-testid="message-copy">
      <h3>{t('message.title')}</h3>
      <div className="rc-seg" role="group" aria-label={t('message.channel')}>
        {CHANNELS.map((c) => (
          <button key={c} type="button" className="rc-seg__opt" aria-pressed={channel === c} onClick={() => setChannel(c)}>
            {t(`channel.${c}`)}
          </button>
        ))}
      </div>
      <div className="rc-seg" role="group" aria-label={t('message.language')}>
        {(['en', 'es'] as const).map((l) => (
          <button key={l} type="button" className="rc-seg__opt" aria-pressed={language === l} onClick={() => setLanguage(l)}>
            {t(`language.${l}`)}
          </button>
        ))}
      </div>
      {message?.subject ? (
        <p className="rc-message__subject">
          <span className="rc-muted">{t('message.subject')}:</span> {message.subject}
        </p>
      ) : null}
      <textarea className="rc-message__text" readOnly rows={8} value={message?.text ?? ''} data-testid="message-text" />
      <button
        type="button"
        className="btn"
        disabled={!message}
        onClick={() => void copyText(full).then((ok) => setCopied(ok ? 'yes' : 'failed'))}
      >
        {t('message.copy')}
      </button>
      <span className="rc-message__copied" role="status">
        {copied === 'yes' ? t('message.copied') : copied === 'failed' ? t('message.copyFailed') : ''}
      </span>
    </aside>
  );
}
