import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { fill, formatNumber, translate } from './index.ts';

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

describe('translate plurals', () => {
  it('picks the singular for one in both languages', () => {
    expect(translate('en', 'sync.pending', { count: 1 })).toBe('1 change waiting');
    expect(translate('es', 'sync.pending', { count: 1 })).toBe('1 cambio pendiente');
    expect(translate('en', 'auth.err.wrong_password', { count: 1 })).toMatch(/^Wrong password\. 1 attempt left/);
    expect(translate('es', 'auth.err.wrong_password', { count: 1 })).toMatch(/Queda 1 intento antes/);
    expect(translate('en', 'lock.err.wrong_pin', { count: 1 })).toBe('Wrong PIN. 1 try left.');
    expect(translate('es', 'lock.err.wrong_pin', { count: 1 })).toBe('PIN incorrecto. Queda 1 intento.');
  });

  it('picks the plural for zero and many, with the number in the language', () => {
    expect(translate('en', 'sync.pending', { count: 0 })).toBe('0 changes waiting');
    expect(translate('en', 'sync.pending', { count: 12345 })).toBe('12,345 changes waiting');
    expect(translate('es', 'sync.pending', { count: 12345 })).toBe('12.345 cambios pendientes');
    // CLDR gives Spanish a 'many' form for millions; it falls back to 'other'.
    expect(translate('es', 'sync.pending', { count: 1_000_000 })).toBe('1.000.000 cambios pendientes');
  });

  it('fills placeholders inside the chosen form and prefers an exact =N form', () => {
    expect(translate('en', 'overdue.count', { count: 1, amount: '€5.00' })).toBe('1 patient owes €5.00');
    expect(translate('es', 'overdue.count', { count: 2, amount: '5,00 €' })).toBe('2 pacientes deben 5,00 €');
    expect(fill('en', '{n, plural, =0 {none} one {# item} other {# items}} left', { n: 0 })).toBe('none left');
    expect(fill('en', '{n, plural, one {# item} other {# items}}', {})).toBe('{n}');
  });

  it('writes plain number parameters in the language, not the browser’s', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('es', 1234.5)).toBe('1234,5');
    expect(translate('es', 'sync.firstSyncRows', { rows: 12000, total: 1 })).toBe('12.000 de 1 registro');
  });
});
