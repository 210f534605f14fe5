import { useState } from 'react';
import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { CommandInput } from '../../../../../shared/commands.ts';
import type { AttentionItem } from '../../../../../shared/domain/sync-types.ts';
import type { MessageKey } from '../../../../../shared/i18n/index.ts';
import { useAttentionItems, useResolveAttention } from '../api/use-attention.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { AttentionFields } from './attention-fields.tsx';
import './attention.css';
import { useErrorText } from '../../../i18n/error-text.ts';

const TABLES = new Set(['appointments', 'patients', 'payments']);

const REASONS = new Set([
  'conflict', 'overlap_doctor', 'overlap_room', 'overlap_patient', 'slot_taken', 'forbidden', 'not_found',
  'missing_reference', 'duplicate', 'invalid',
]);
/** Changes the server refused, each with what was tried, by whom, why, the server's truth and a fix. */
export function AttentionList({ timeZone, pendingChanges }: { timeZone: string; pendingChanges: number }) {
  const { t, formatTime, formatDay } = useI18n();
  const errText = useErrorText();
  const { items, reload: load } = useAttentionItems();
  const resolveAttention = useResolveAttention();
  const [note, setNote] = useState<Record<string, string>>({});
  // Stays after the item goes: the one-click rebook is confirmed in words.
  const [rebooked, setRebooked] = useState<string | null>(null);
  const resolve = async (item: AttentionItem, input: CommandInput<'sync.attention.resolve'>) => {
    const answer = await resolveAttention(input);
    if (answer.ok && input.action === 'rebook' && input.slot) {
      setRebooked(t('sync.rebooked', { patient: item.contact?.patient ?? '', startsAt: when(input.slot.startsAt) }));
    }
    setNote((n) => ({ ...n, [item.id]: answer.ok ? t('sync.fix.done') : t('sync.fix.failed', { message: errText(answer.error) }) }));
    load();
  };

  const when = (instant: string) => `${formatDay(instantToLocalDate(instant, timeZone), 'short')} ${formatTime(instant, timeZone)}`;

  if (!items) return null;
  return (
    <section className="attention" aria-labelledby="attention-title" data-testid="attention-list">
      <h2 id="attention-title">
        {t('sync.attentionTitle')} <span className="attention__count">{items.length}</span>
      </h2>
      {rebooked && (
        <p className="attention__rebooked" role="status" data-testid="rebook-done">
          {rebooked}
        </p>
      )}
      {items.length === 0 && (
        <p className="attention__empty" data-testid="attention-empty">
          {/* "Every change reached the server" only when none waits (offline, they do). */}
          {pendingChanges > 0 ? t('sync.attentionEmptyWaiting', { count: pendingChanges }) : t('sync.attentionEmpty')}
        </p>
      )}
      <ul>
        {items.map((item) => {
          const reasonKey = (REASONS.has(item.reason) ? `sync.reason.${item.reason}` : 'sync.reason.other') as MessageKey;
          const attempted = item.attemptedRow ?? Object.assign({}, ...item.attempted.map((a) => a.changes));
          return (
            <li key={item.id} className="attention__item" data-testid="attention-item" data-reason={item.reason}>
              <header>
                <strong>
                  {t('sync.attentionWhat', {
                    op: t(`sync.op.${item.op}` as MessageKey),
                    table: TABLES.has(item.table) ? t(`sync.table.${item.table}` as MessageKey) : item.table.replace(/_/g, ' '),
                  })}
                </strong>{' '}
                <span className="attention__by">
                  {item.byName
                    ? t('sync.attentionBy', { name: item.byName, time: when(item.attemptedAt) })
                    : t('sync.attentionByUnknown', { time: when(item.attemptedAt) })}
                </span>
              </header>
              <p className="attention__reason" role="note">
                {t(reasonKey)}
              </p>
              {item.takenBy && (
                <p className="attention__taken" data-testid="attention-taken-by">
                  {t('sync.takenBy', { patient: item.takenBy.patient, doctor: item.takenBy.doctor, startsAt: when(item.takenBy.startsAt) })}
                  {item.takenBy.bookedBy ? ` (${t('sync.takenByDesk', { name: item.takenBy.bookedBy })})` : ''}
                </p>
              )}
              {item.contact && (
                <p className="attention__call" data-testid="attention-call">
                  {t('sync.fix.callPatient', { patient: item.contact.patient })}
                  {item.contact.phone ? (
                    <>
                      {': '}
                      <a href={`tel:${item.contact.phone.replace(/[^\d+]/g, '')}`}>{item.contact.phone}</a>
                    </>
                  ) : null}
                </p>
              )}
              <div className="attention__compare">
                <div>
                  <h3>{t('sync.attentionTried')}</h3>
                  <AttentionFields row={attempted} labels={item.labels} timeZone={timeZone} table={item.table} testId="attention-tried" />
                </div>
                <div>
                  <h3>{t('sync.attentionServer')}</h3>
                  {item.serverRow ? (
                    item.serverRow.deleted_at ? <p>{t('sync.attentionDeleted')}</p> : <AttentionFields row={item.serverRow} labels={item.labels} timeZone={timeZone} table={item.table} testId="attention-server" />
                  ) : (
                    <p>{t('sync.attentionNoServerRow')}</p>
                  )}
                </div>
              </div>
              {item.fixes.includes('rebook') && (
                <div className="attention__slots">
                  <p>{item.freeSlots.length > 0 ? t('sync.fix.rebookHint') : t('sync.fix.noSlots')}</p>
                  {item.freeSlots.map((slot) => (
                    <button
                      key={`${slot.doctorId}-${slot.startsAt}`}
                      type="button"
                      className="btn"
                      data-testid="rebook-slot"
                      onClick={() =>
                        void resolve(item, {
                          id: item.id,
                          action: 'rebook',
                          slot: { startsAt: slot.startsAt, doctorId: slot.doctorId, ...(slot.roomId ? { roomId: slot.roomId } : {}) },
                        })
                      }
                    >
                      {t('sync.fix.rebook', { time: when(slot.startsAt) })}
                    </button>
                  ))}
                </div>
              )}
              <div className="attention__actions">
                {item.fixes.includes('retry') && (
                  <button type="button" className="btn" onClick={() => void resolve(item, { id: item.id, action: 'retry' })}>
                    {t('sync.fix.retry')}
                  </button>
                )}
                <button type="button" className="btn" onClick={() => void resolve(item, { id: item.id, action: 'dismiss' })}>
                  {t('sync.fix.dismiss')}
                </button>
                {note[item.id] && <span role="status">{note[item.id]}</span>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
