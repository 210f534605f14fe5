import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_LANG, readDeskLanguage, writeDeskLanguage } from '../../electron/desk-language.ts';

describe('desk language for Chromium --lang', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'desk-lang-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('remembers the last language shown for the next start', () => {
    const d = dir();
    expect(readDeskLanguage(d)).toBeNull();
    writeDeskLanguage(d, 'es');
    expect(readDeskLanguage(d)).toBe('es');
    expect(CHROMIUM_LANG[readDeskLanguage(d)!]).toBe('es-ES');
    writeDeskLanguage(d, 'en');
    expect(CHROMIUM_LANG[readDeskLanguage(d)!]).toBe('en-GB');
  });

  it('ignores a file that does not name a desk language', () => {
    const d = dir();
    writeFileSync(join(d, 'desk-language'), '--inspect');
    expect(readDeskLanguage(d)).toBeNull();
    expect(() => writeDeskLanguage(join(d, 'missing', 'dir'), 'es')).not.toThrow();
  });
});
