import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The audited write has one writer: electron/db/write/ holds the only statement that queues an
 * outbox row and the only one that appends an audit row, nothing outside electron/db/ (command
 * handlers and the sync engine included) touches the outbox table with SQL of its own, and the
 * command context, not the handlers, announces what a write changed.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const ELECTRON = join(ROOT, 'electron');
const WRITER_DIR = 'electron/db/write/';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [path] : [];
  });
}

const files = sourceFiles(ELECTRON).map((path) => ({
  path: relative(ROOT, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** Every `INSERT [OR …] INTO <table>` in the tree, by file. */
function insertsInto(table: string): string[] {
  const pattern = new RegExp(`\\binsert\\s+(?:or\\s+\\w+\\s+)?into\\s+${table}\\b`, 'gi');
  return files.flatMap((f) => (f.text.match(pattern) ?? []).map(() => f.path));
}

/** SQL naming the outbox table: reads, writes, updates and deletes alike. */
const OUTBOX_SQL = /\b(?:from|into|update|join)\s+outbox\b/i;

describe('structure: one writer for the audited write', () => {
  it.each(['outbox', 'audit_log'])('INSERT INTO %s appears exactly once, under electron/db/write/', (table) => {
    const where = insertsInto(table);
    expect(where).toHaveLength(1);
    expect(where[0]!.startsWith(WRITER_DIR)).toBe(true);
  });

  it('no file outside electron/db/ (command handlers and the sync engine included) runs outbox SQL', () => {
    const offenders = files
      .filter((f) => !f.path.startsWith('electron/db/'))
      .filter((f) => OUTBOX_SQL.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('only the command context announces a committed write (no handler emits data.changed by hand)', () => {
    const emitters = files
      .filter((f) => f.path.startsWith('electron/commands/') && /['"]data\.changed['"]/.test(f.text))
      .map((f) => f.path);
    expect(emitters).toEqual(['electron/commands/context.ts']);
  });

  it('the scan sees the tree (a moved folder must not pass it vacuously)', () => {
    expect(files.some((f) => f.path.startsWith('electron/commands/'))).toBe(true);
    expect(files.some((f) => f.path.startsWith('electron/sync/'))).toBe(true);
  });
});
