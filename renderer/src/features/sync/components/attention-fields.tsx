import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { MessageKey } from '../../../../../shared/i18n/index.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';

/** Columns people never need to read: ids of the row itself and sync bookkeeping. */
const HIDDEN = new Set(['id', 'clinic_id', 'version', 'updated_at', 'change_xid', 'deleted_at']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Reference columns shown by name (the command sends names for their ids in `labels`). */
const NAMED: Record<string, MessageKey> = {
  patient_id: 'sync.field.patient',
  doctor_id: 'sync.field.doctor',
  room_id: 'sync.field.room',
  appointment_type_id: 'sync.field.type',
  staff_id: 'sync.field.staff',
  created_by: 'sync.field.createdBy',
  cancelled_by: 'sync.field.cancelledBy',
};
const PLAIN: Record<string, MessageKey> = {
  status: 'sync.field.status',
  notes: 'sync.field.notes',
  cancelled_at: 'sync.field.cancelledAt',
  amount_cents: 'sync.field.amount',
};

interface Props {
  row: Record<string, unknown>;
  labels: Record<string, string>;
  timeZone: string;
  /** The table the row belongs to (appointment statuses read as the schedule says them). */
  table: string;
  testId?: string;
}

/**
 * A refused or server row for people: names instead of ids, times in the clinic's zone, the
 * appointment's start–end as one line; the raw columns stay under "Technical details".
 */
export function AttentionFields({ row, labels, timeZone, table, testId }: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const when = (instant: string, end?: string) =>
    `${formatDay(instantToLocalDate(instant, timeZone), 'short')} ${formatTime(instant, timeZone)}${end ? `–${formatTime(end, timeZone)}` : ''}`;
  const human: [string, string][] = [];
  const startsAt = typeof row.starts_at === 'string' ? row.starts_at : null;
  const endsAt = typeof row.ends_at === 'string' ? row.ends_at : undefined;
  if (startsAt) human.push([t('sync.field.when'), when(startsAt, endsAt)]);
  for (const [k, v] of Object.entries(row)) {
    if (HIDDEN.has(k) || k === 'starts_at' || k === 'ends_at' || v === null || v === '') continue;
    const named = NAMED[k];
    if (named) {
      human.push([t(named), typeof v === 'string' ? (labels[v] ?? t('sync.field.unknown')) : String(v)]);
      continue;
    }
    // Only columns with words in both languages: ids, idempotency keys, reminder flags and the
    // like stay under "Technical details".
    const plain = PLAIN[k];
    if (!plain) continue;
    const label = t(plain);
    let value: string;
    if (k === 'status' && table === 'appointments' && typeof v === 'string') value = t(`status.${v}` as MessageKey);
    else if (typeof v === 'string' && INSTANT.test(v)) value = when(v);
    else value = typeof v === 'object' ? JSON.stringify(v) : String(v);
    human.push([label, value]);
  }
  const raw = Object.entries(row).filter(([k, v]) => !['clinic_id', 'change_xid'].includes(k) && v !== null && v !== '');

  return (
    <div data-testid={testId}>
      <dl className="attention__fields">
        {human.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <details className="attention__technical">
        <summary>{t('sync.technical')}</summary>
        <dl className="attention__fields attention__fields--raw">
          {raw.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
