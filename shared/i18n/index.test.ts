import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { translate } from './index.ts';

describe('i18n', () => {
  it('gives Spanish exactly the English key set', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'sync.pending', { count: 3 })).toBe('3 changes waiting');
    expect(translate('es', 'schedule.now', {})).toBe('Ahora {time}');
  });

  it('says honestly that a local-only desk is not synced', () => {
    expect(translate('en', 'sync.localOnly')).toBe('Local only — not synced');
    expect(translate('es', 'sync.localOnly')).toBe('Solo local — sin sincronizar');
  });
});
