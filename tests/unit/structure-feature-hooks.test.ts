import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'renderer', 'src');

/** The features and shared widgets whose commands go through hooks in an api/ folder or data/. */
const FEATURES = ['recalls', 'sync', 'auth', 'lock', 'audit', 'availability'];
const WIDGETS = ['undo-toast.tsx', 'language-switch.tsx', 'national-id-reveal.tsx', 'patient-recalls.tsx'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

// The recalls slot picker is being replaced by the one shared slot picker in components/.
const REPLACED = new Set(['slot-picker.tsx']);

const componentFiles = [
  ...FEATURES.flatMap((f) => files(join(SRC, 'features', f, 'components'))).filter((p) => !REPLACED.has(p.split('/').pop()!)),
  ...WIDGETS.map((w) => join(SRC, 'components', w)),
];
const featureFiles = FEATURES.flatMap((f) => files(join(SRC, 'features', f)));
const rel = (path: string) => relative(SRC, path);

/** Module paths a file imports (static imports and re-exports). */
const imports = (text: string) => [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);

describe('feature components reach commands only through hooks', () => {
  it('no component imports the transport (api.ts, data/api.ts, data/transport.ts, data/prefetch.ts)', () => {
    const offenders = componentFiles.flatMap((path) =>
      imports(readFileSync(path, 'utf8'))
        .filter((spec) => /(^|\/)(api|transport|prefetch)\.ts$/.test(spec) && !spec.includes('/api/'))
        .map((spec) => `${rel(path)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no component calls invoke, onEvent or peekPrefetched itself', () => {
    const offenders = componentFiles.filter((path) => /\b(invoke|onEvent|peekPrefetched)\s*[(<]/.test(readFileSync(path, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('no component uses the generic query and mutation hooks directly', () => {
    const generic = /use-command-(query|mutation|call)\.ts$/;
    const offenders = componentFiles.flatMap((path) =>
      imports(readFileSync(path, 'utf8'))
        .filter((spec) => generic.test(spec))
        .map((spec) => `${rel(path)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('a hand-written refresh list says why it differs from the command\'s reads', () => {
    const offenders = featureFiles.flatMap((path) => {
      const lines = readFileSync(path, 'utf8').split('\n');
      return lines.flatMap((line, i) => {
        if (!/\brefreshOn\s*:/.test(line)) return [];
        const before = lines.slice(Math.max(0, i - 3), i).join('\n');
        return /\/\/|\/\*|\*\//.test(before) ? [] : [`${rel(path)}:${i + 1}`];
      });
    });
    expect(offenders).toEqual([]);
  });

  it('no feature imports another feature', () => {
    const offenders = featureFiles.flatMap((path) => {
      const own = rel(path).split('/')[1];
      return imports(readFileSync(path, 'utf8'))
        .filter((spec) => {
          const m = /\/features\/([^/]+)\//.exec(spec) ?? /^\.\.\/\.\.\/([^/.][^/]*)\//.exec(spec);
          return spec.includes('/features/') && m !== null && m[1] !== own;
        })
        .map((spec) => `${rel(path)} imports ${spec}`);
    });
    expect(offenders).toEqual([]);
  });
});
