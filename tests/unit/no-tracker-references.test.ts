import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['electron', 'shared', 'renderer', 'stack', 'tests', 'scripts', 'bench', 'migrations', 'resources'];
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|css|sql|html)$/;
/** The word "issue" and a number ("#12", "5/10"): a tracker the repository does not hold. */
const TRACKER_REFERENCE = /\bissues? ?#?[0-9]/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return TEXT.test(name) ? [path] : [];
  });
}

describe('source text', () => {
  it('says why in its own words, never by citing an issue number', () => {
    const found: string[] = [];
    for (const file of DIRS.flatMap((d) => files(join(ROOT, d)))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (TRACKER_REFERENCE.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
