import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', 'migrations', 'postgres');

interface Definitions {
  /** Function name → the files that create it, oldest first (the last one is what runs). */
  files: Map<string, string[]>;
}

/** Replays every migration in order: CREATE [OR REPLACE] FUNCTION adds a definition, DROP FUNCTION forgets it. */
function definitions(): Definitions {
  const files = new Map<string, string[]>();
  const migrations = readdirSync(DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const statement = /\b(create\s+(?:or\s+replace\s+)?function|drop\s+function\s+(?:if\s+exists\s+)?)\s*([a-z_][\w]*(?:\.[a-z_][\w]*)?)\s*\(/gi;
  for (const file of migrations) {
    const sql = readFileSync(join(DIR, file), 'utf8').replace(/--[^\n]*/g, '');
    for (const [, verb, name] of sql.matchAll(statement)) {
      const key = name!.toLowerCase();
      if (verb!.toLowerCase().startsWith('drop')) files.delete(key);
      else files.set(key, [...(files.get(key) ?? []).filter((f) => f !== file), file]);
    }
  }
  return { files };
}

/** The README's table, as the same rows the migrations give. */
function readmeRows(): string[] {
  const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
  return readme
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => line.replace(/\s+/g, ' ').trim());
}

function expectedRows({ files }: Definitions): string[] {
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, list]) => {
      const earlier = list.slice(0, -1).map((f) => `\`${f}\``).join(', ') || '–';
      return `| \`${name}\` | \`${list.at(-1)}\` | ${earlier} |`;
    });
}

describe('migrations/postgres/README.md', () => {
  it('names, for every SQL function, the migration that last defines it', () => {
    const expected = expectedRows(definitions());
    // On failure the expected rows are the table to paste into the README.
    expect(readmeRows(), `the README's function table should be:\n${expected.join('\n')}`).toEqual(expected);
  });

  it('reads a redefinition and a drop the way Postgres runs them', () => {
    const { files } = definitions();
    expect(files.get('public.sync_push')?.length).toBeGreaterThan(1);
    expect(files.get('private.stamp_row')).toEqual(['20261123000002_security.sql']);
    // Dropped and created again: only the definitions since the drop count.
    expect(files.get('public.sync_pull_compact')).toEqual(['20261205000001_sync_pull_streams.sql']);
  });
});
