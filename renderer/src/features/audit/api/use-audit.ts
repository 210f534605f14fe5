import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditFacets, AuditRow } from '../../../../../shared/domain/security-types.ts';
import type { AuditFilters } from '../../../../../shared/security-schemas.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke, onEvent } from '../../../data/api.ts';
import { readsOf, touches } from '../../../data/command-reads.ts';
import { useCommandCall } from '../../../data/use-command-call.ts';

const PAGE = 50;

/** The filtered audit log, newest first; `more()` appends the next (older) page. */
export function useAuditLog(filters: AuditFilters) {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [facets, setFacets] = useState<AuditFacets | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<CommandErrorData | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    void invoke('audit.list', { filters: JSON.parse(key) as AuditFilters, limit: PAGE }).then((a) => {
      if (mine !== seq.current) return;
      setLoading(false);
      if (!a.ok) return setError(a.error);
      setError(null);
      setRows(a.value.rows);
      setFacets(a.value.facets);
      setCursor(a.value.nextCursor);
    });
  }, [key]);

  const more = useCallback(() => {
    if (!cursor) return;
    const mine = ++seq.current;
    void invoke('audit.list', { filters: JSON.parse(key) as AuditFilters, limit: PAGE, cursor }).then((a) => {
      if (mine !== seq.current || !a.ok) return;
      setRows((r) => [...r, ...a.value.rows]);
      setCursor(a.value.nextCursor);
    });
  }, [cursor, key]);

  useEffect(() => {
    load();
    return onEvent((e) => {
      if (e.name === 'data.changed' && touches(readsOf('audit.list'), (e.payload as { tables: string[] }).tables)) load();
    });
  }, [load]);

  return { rows, facets, hasMore: cursor !== null, error, loading, more };
}

/** The filtered log as CSV ('audit.exportCsv'). */
export const useExportAuditCsv = () => useCommandCall('audit.exportCsv');

/** Saves text through a temporary Blob link (Chromium and Electron alike); BOM for spreadsheets. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
