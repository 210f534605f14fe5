import type { RecallPreviewRow } from '../../../../../shared/domain/recall-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './preview-table.css';

/** Sample rows of the criteria (the first 50), with each patient's preferred channel. */
export function PreviewTable({ rows, count }: { rows: RecallPreviewRow[] | null; count: number | null }) {
  const { t, formatDay } = useI18n();
  return (
    <div className="rc-preview" data-testid="preview-table">
      <p className="rc-preview__hint">
        {rows && count ? t('builder.previewHint', { shown: rows.length, count }) : t('builder.preview')}
      </p>
      <div className="rc-preview__scroll">
        {rows && rows.length === 0 ? <p className="rc-preview__empty">{t('builder.previewEmpty')}</p> : null}
        {rows && rows.length > 0 ? (
          <table className="rc-table">
            <thead>
              <tr>
                <th>{t('col.patient')}</th>
                <th>{t('col.phone')}</th>
                <th>{t('col.channel')}</th>
                <th>{t('col.lastVisit')}</th>
                <th>{t('col.due')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.patientId}>
                  <td>{r.name}</td>
                  <td className="rc-num">{r.phone ?? '—'}</td>
                  <td>
                    <span className={`rc-channel rc-channel--${r.preferredChannel}`}>{t(`channel.${r.preferredChannel}`)}</span>
                  </td>
                  <td>{r.lastVisit ? formatDay(r.lastVisit, 'short') : '—'}</td>
                  <td>{r.dueDate ? formatDay(r.dueDate, 'short') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
