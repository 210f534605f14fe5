import { useState } from 'react';
import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { AuditFilters } from '../../../../../shared/security-schemas.ts';
import type { ScreenProps } from '../../../app/screen-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { downloadText, useAuditLog, useExportAuditCsv } from '../api/use-audit.ts';
import './audit.css';
import { useErrorText } from '../../../i18n/error-text.ts';
import { DateField } from '../../../components/date-field.tsx';

type Field = keyof AuditFilters;

/** Who did what, when, from which desk — sync's own conflicts and rejections included. Managers and admins. */
export function AuditScreen({ info }: ScreenProps) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const [filters, setFilters] = useState<AuditFilters>({});
  const { rows, facets, hasMore, error, loading, more } = useAuditLog(filters);
  const exportAuditCsv = useExportAuditCsv();
  const [exported, setExported] = useState<string | null>(null);
  const tz = info.clinic.timeZone;

  const set = (field: Field, value: string) => {
    setExported(null);
    setFilters((f) => {
      const next = { ...f };
      if (value) next[field] = value;
      else delete next[field];
      return next;
    });
  };

  const exportCsv = async () => {
    const a = await exportAuditCsv({ filters });
    if (!a.ok) return setExported(errText(a.error));
    downloadText(a.value.fileName, a.value.csv);
    setExported(t('audit.exported', { count: a.value.rows }));
  };

  const select = (field: Field, label: string, options: { value: string; label: string }[]) => (
    <label className="field">
      <span>{label}</span>
      <select className="input" value={filters[field] ?? ''} onChange={(e) => set(field, e.target.value)} data-testid={`audit-${field}`}>
        <option value="">{t('audit.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main className="audit" data-testid="audit-screen">
      <form className="audit__filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('audit.from')}</span>
          <DateField value={filters.from ?? ''} onChange={(v) => set('from', v)} data-testid="audit-from" />
        </label>
        <label className="field">
          <span>{t('audit.to')}</span>
          <DateField value={filters.to ?? ''} onChange={(v) => set('to', v)} data-testid="audit-to" />
        </label>
        {select('staffId', t('audit.staff'), (facets?.staff ?? []).map((s) => ({ value: s.id, label: `${s.displayName} · ${t(`role.${s.role}`)}` })))}
        {select('action', t('audit.action'), [
          { value: 'sync.', label: t('audit.syncOnly') },
          ...(facets?.actions ?? []).map((a) => ({ value: a, label: a })),
        ])}
        {select('table', t('audit.table'), (facets?.tables ?? []).map((v) => ({ value: v, label: v })))}
        {select('deskId', t('audit.desk'), (facets?.desks ?? []).map((v) => ({ value: v, label: v === info.deskId ? `${v.slice(0, 8)}… (${t('audit.thisDesk')})` : `${v.slice(0, 8)}…` })))}
        <label className="field">
          <span>{t('audit.row')}</span>
          <input className="input" value={filters.rowId ?? ''} onChange={(e) => set('rowId', e.target.value.trim())} data-testid="audit-rowId" />
        </label>
        <div className="audit__actions">
          <button type="button" className="btn" onClick={() => setFilters({})} data-testid="audit-clear">
            {t('audit.clear')}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void exportCsv()} data-testid="audit-export">
            {t('audit.export')}
          </button>
        </div>
      </form>
      {exported && (
        <p className="muted" role="status" data-testid="audit-exported">
          {exported}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errText(error)}
        </p>
      )}
      <table className="audit__table" data-testid="audit-table" aria-busy={loading}>
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.desk')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.where')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row" data-action={r.action} className={r.action.startsWith('sync.') ? 'audit__row--sync' : undefined}>
              <td className="audit__when">
                {formatDay(instantToLocalDate(r.at, tz), 'short')} {formatTime(r.at, tz)}
              </td>
              <td>{r.actorName ?? t('audit.system')}</td>
              <td className="audit__mono" title={r.deskId ?? ''}>
                {r.deskId ? (r.deskId === info.deskId ? t('audit.thisDesk') : `${r.deskId.slice(0, 8)}…`) : '—'}
              </td>
              <td className="audit__mono">{r.action}</td>
              <td className="audit__mono" title={r.rowId ?? ''}>
                {r.tableName ?? ''}
                {r.rowId ? ` ${r.rowId.slice(-6)}` : ''}
              </td>
              <td className="audit__details" title={r.details}>
                {r.details}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && rows.length === 0 && <p className="state">{t('audit.empty')}</p>}
      {hasMore && (
        <button type="button" className="btn audit__more" onClick={more} data-testid="audit-more">
          {t('audit.more')}
        </button>
      )}
    </main>
  );
}
