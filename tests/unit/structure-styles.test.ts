import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Stylesheets are owned by what they style. Every `.css` under renderer/src is read as text:
 *
 * - No sheet has more than MAX_LINES lines.
 * - A class is the subject of rules in one file only. A rule's subject classes are the classes of
 *   the last compound of each selector in its list, outside any pseudo-class argument: in
 *   `.card`, `.card:hover` and `.modal .card` the subject is `.card`; `.card--wide` is a class of
 *   its own; `.btn.btn--small` has both; `.toolbar > .btn:not(.btn--primary)` has `.btn`;
 *   `.day-sheet th` has none. Rules inside @media count as rules of their file; @keyframes and
 *   @page bodies are not selectors. So every look of `.btn` (its base, its hover, its place in a
 *   toast) is found in the one sheet that owns `.btn`.
 * - Every sheet is imported by some module under renderer/src (main.tsx for the tokens, base and
 *   primitives; the component beside it for the rest).
 */
const SRC = join(process.cwd(), 'renderer', 'src');
const MAX_LINES = 300;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, ext);
    return ext.test(e.name) ? [path] : [];
  });
}

/** Splits at `seps` outside () and []. */
function splitTop(text: string, seps: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth === 0 && seps.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** The selector lists of a sheet's style rules, with the line each starts on. */
export function selectorLists(css: string): { selector: string; line: number }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const found: { selector: string; line: number }[] = [];
  const open: string[] = [];
  let prelude = '';
  let preludeAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '{') {
      const p = prelude.trim();
      const inKeyframes = open.some((o) => o.startsWith('@keyframes'));
      if (!p.startsWith('@') && !inKeyframes) {
        found.push({ selector: p, line: text.slice(0, preludeAt).split('\n').length });
      }
      open.push(p);
      prelude = '';
    } else if (ch === '}') {
      open.pop();
      prelude = '';
    } else if (ch === ';') {
      prelude = '';
    } else {
      if (!prelude.trim()) preludeAt = i;
      prelude += ch;
    }
  }
  return found;
}

/** The subject classes of one selector list (see the rule above). */
export function subjectClasses(selectorList: string): string[] {
  return splitTop(selectorList, ',').flatMap((selector) => {
    const compounds = splitTop(selector.trim().replace(/\s*([>+~])\s*/g, '$1'), ' >+~').filter(Boolean);
    const last = (compounds.at(-1) ?? '').replace(/:+[\w-]+(\((?:[^()]|\([^()]*\))*\))?/g, '');
    return last.match(/\.[\w-]+/g) ?? [];
  });
}

const sheets = files(SRC, /\.css$/).map((path) => ({
  name: relative(SRC, path),
  path,
  text: readFileSync(path, 'utf8'),
}));

describe('renderer stylesheets', () => {
  it('finds the sheets', () => {
    expect(sheets.length).toBeGreaterThan(10);
  });

  it(`keeps every sheet at ${MAX_LINES} lines or fewer`, () => {
    const long = sheets
      .map((s) => ({ name: s.name, lines: s.text.split('\n').length - (s.text.endsWith('\n') ? 1 : 0) }))
      .filter((s) => s.lines > MAX_LINES)
      .map((s) => `${s.name}: ${s.lines} lines`);
    expect(long).toEqual([]);
  });

  it('defines each class block in exactly one sheet', () => {
    const owners = new Map<string, Map<string, number>>();
    for (const sheet of sheets) {
      for (const { selector, line } of selectorLists(sheet.text)) {
        for (const cls of subjectClasses(selector)) {
          const inFiles = owners.get(cls) ?? new Map<string, number>();
          if (!inFiles.has(sheet.name)) inFiles.set(sheet.name, line);
          owners.set(cls, inFiles);
        }
      }
    }
    const shared = [...owners]
      .filter(([, inFiles]) => inFiles.size > 1)
      .map(([cls, inFiles]) => `${cls}: ${[...inFiles].map(([f, l]) => `${f}:${l}`).join(', ')}`)
      .sort();
    expect(shared).toEqual([]);
  });

  it('imports every sheet from a module', () => {
    const imported = new Set<string>();
    for (const path of files(SRC, /\.(tsx?)$/)) {
      for (const m of readFileSync(path, 'utf8').matchAll(/^import '(\.[^']+\.css)';$/gm)) {
        imported.add(relative(SRC, join(path, '..', m[1] ?? '')));
      }
    }
    expect(sheets.map((s) => s.name).filter((name) => !imported.has(name))).toEqual([]);
  });

  it('reads subjects as the rule says', () => {
    expect(subjectClasses('.card, .card:hover, .modal .card')).toEqual(['.card', '.card', '.card']);
    expect(subjectClasses('.card--wide')).toEqual(['.card--wide']);
    expect(subjectClasses('.btn.btn--small')).toEqual(['.btn', '.btn--small']);
    expect(subjectClasses('.toolbar > .btn:not(.btn--primary)')).toEqual(['.btn']);
    expect(subjectClasses('.day-sheet th')).toEqual([]);
    expect(selectorLists('@media print { .a { x: 1; } }\n@keyframes k { to { x: 2; } }').map((r) => r.selector)).toEqual(['.a']);
  });
});
