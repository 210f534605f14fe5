import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Opening the desk database reads from the top down: storage/ runs the sequence and calls into
 * backup/, db/schema/ and db/, each of which only reaches further down. These checks read the
 * imports of the source, so a step that calls back up (or a second opening path) fails here.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = 'electron/storage/open-desk-database.ts';

/** Deeper layers have lower ranks; shared/ and migrations/ sit below the whole main process. */
const LAYERS: readonly { folder: string; rank: number }[] = [
  { folder: 'electron/storage/', rank: 4 },
  { folder: 'electron/backup/', rank: 3 },
  { folder: 'electron/db/schema/', rank: 2 },
  { folder: 'electron/db/', rank: 1 },
  { folder: 'electron/secrets/', rank: 1 },
  { folder: 'shared/', rank: 0 },
  { folder: 'migrations/', rank: 0 },
];

function rankOf(file: string): number | null {
  return LAYERS.find((l) => file.startsWith(l.folder))?.rank ?? null;
}

/** The repository files `file` imports (type-only imports too), as paths from the root. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)).replaceAll('\\', '/'));
}

/** Every import edge reachable from `entry`. */
function edgesFrom(entry: string): { from: string; to: string }[] {
  const edges: { from: string; to: string }[] = [];
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const to of importsOf(file)) {
      edges.push({ from: file, to });
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return edges;
}

/** A chain of imports that leads back to where it started, or null. */
function findCycle(edges: readonly { from: string; to: string }[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const done = new Set<string>();
  const visit = (file: string, path: string[]): string[] | null => {
    if (path.includes(file)) return [...path.slice(path.indexOf(file)), file];
    if (done.has(file)) return null;
    for (const to of next.get(file) ?? []) {
      const cycle = visit(to, [...path, file]);
      if (cycle) return cycle;
    }
    done.add(file);
    return null;
  };
  for (const file of next.keys()) {
    const cycle = visit(file, []);
    if (cycle) return cycle;
  }
  return null;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('opening the desk database', () => {
  it('has one home: electron/storage/ (electron/security/ is gone)', () => {
    expect(existsSync(join(ROOT, ENTRY))).toBe(true);
    expect(existsSync(join(ROOT, 'electron/security'))).toBe(false);
  });

  it('goes down the layers from storage/ to backup/, db/schema/ and db/, never back up', () => {
    const edges = edgesFrom(ENTRY);
    expect(edges.length).toBeGreaterThan(10); // the scan itself works
    const outside = [...new Set(edges.map((e) => e.to).filter((to) => rankOf(to) === null))];
    expect(outside, 'reached outside storage/, backup/, db/, secrets/, shared/').toEqual([]);
    const upwards = edges.filter((e) => rankOf(e.to)! > rankOf(e.from)!).map((e) => `${e.from} → ${e.to}`);
    expect(upwards).toEqual([]);
    expect(findCycle(edges)).toBeNull();
  });

  it('is one call from createApp, which keeps no opening path of its own', () => {
    const app = readFileSync(join(ROOT, 'electron/app.ts'), 'utf8');
    expect(app.match(/\bopenDeskDatabase\(/g)).toHaveLength(1);
    const opening = importsOf('electron/app.ts').filter((to) =>
      /^electron\/(backup|security|storage|db\/schema)\/|^electron\/db\/encryption|^electron\/sync\/recover/.test(to),
    );
    expect(opening).toEqual(['electron/storage/open-desk-database.ts']);
  });

  it('is started only by the composition (app.ts) and the demo-file CLI', () => {
    const importers = sources('electron')
      .filter((file) => !file.startsWith('electron/storage/'))
      .filter((file) => importsOf(file).some((to) => to.startsWith('electron/storage/')));
    expect(importers.sort()).toEqual(['electron/app.ts', 'electron/demo/cli.ts']);
  });
});
