import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { es } from '../../shared/i18n/es.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every reason code main or a shared schema can answer, read from the source. */
function emittedReasons(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\.because\(\s*'([a-z_]+)'/g, // CommandError(...).because('x')
    /\brefuse\(\s*'([a-z_]+)'/g, // undo's refuse('x', …)
    /\brefusal\([^,]+,\s*'([a-z_]+)'/g,
    /message: '([a-z_]+)'/g, // zod messages that are reason codes
    /\['((?:slot|overlap)_[a-z_]+)'/g, // slot-check's problem reasons
    /'(overlap_(?:doctor|room|patient))'/g,
    /reason: '([a-z_]+)' as const/g,
    /return \{ reason: '([a-z_]+)'/g,
  ];
  for (const file of [...sources(join(ROOT, 'electron', 'commands')), ...sources(join(ROOT, 'shared'))]) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1]!, file);
    // Envelopes built by hand (the dispatcher); elsewhere `reason:` is a details fact of its own screen.
    if (file.endsWith('dispatch.ts')) for (const m of text.matchAll(/\breason: '([a-z_]+)'/g)) found.set(m[1]!, file);
  }
  return found;
}

describe('reason codes', () => {
  it('finds the codes main answers (the scan itself works)', () => {
    const codes = emittedReasons();
    for (const c of ['phone_chars', 'overlap_doctor', 'slot_break', 'undo_already', 'role_refused', 'required', 'too_long']) expect(codes.has(c)).toBe(true);
    expect(codes.size).toBeGreaterThan(50);
  });

  it('has an English and a Spanish wording for every code main can emit', () => {
    const dict = (lang: Record<string, string>, code: string) => lang[`reason.${code}`];
    const missing = [...emittedReasons()]
      .filter(([code]) => !dict(en, code) || !dict(es as Record<string, string>, code))
      .map(([code, file]) => `${code} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });

  it('words every error code even without a reason, in both languages', () => {
    for (const code of ['validation_error', 'unknown_command', 'not_found', 'conflict', 'invalid_transition', 'overlap', 'forbidden', 'unauthorized', 'offline', 'internal']) {
      expect(en[`reason.generic_${code}` as keyof typeof en]).toBeTruthy();
      expect(es[`reason.generic_${code}` as keyof typeof es]).toBeTruthy();
    }
  });

  it('gives Spanish its own words, not English copied over', () => {
    const same = Object.keys(en).filter((k) => k.startsWith('reason.') && en[k as keyof typeof en] === es[k as keyof typeof es]);
    expect(same).toEqual([]);
  });
});
