import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToInput, parseDecimal, parseMoneyInput } from './decimal-input.ts';

describe('parseMoneyInput', () => {
  it('reads plain and grouped amounts in English and Spanish as integer cents', () => {
    expect(parseMoneyInput('45', 'EUR', 'en')).toEqual({ ok: true, value: 4500 });
    expect(parseMoneyInput('45.5', 'EUR', 'en')).toEqual({ ok: true, value: 4550 });
    expect(parseMoneyInput('45,5', 'EUR', 'es')).toEqual({ ok: true, value: 4550 });
    expect(parseMoneyInput('1,234.56', 'EUR', 'en')).toEqual({ ok: true, value: 123_456 });
    expect(parseMoneyInput('1.234,56 €', 'EUR', 'es')).toEqual({ ok: true, value: 123_456 });
    expect(parseMoneyInput('1.234', 'EUR', 'es')).toEqual({ ok: true, value: 123_400 });
    expect(parseMoneyInput('1,234', 'EUR', 'en')).toEqual({ ok: true, value: 123_400 });
    expect(parseMoneyInput('0.10', 'EUR', 'en')).toEqual({ ok: true, value: 10 });
    expect(parseMoneyInput('1500', 'JPY', 'en')).toEqual({ ok: true, value: 1500 });
  });

  it('never goes through a float: 0.29 and 1.005-style traps stay exact', () => {
    expect(parseMoneyInput('0.29', 'EUR', 'en')).toEqual({ ok: true, value: 29 });
    expect(parseMoneyInput('4.35', 'EUR', 'en')).toEqual({ ok: true, value: 435 });
    expect(parseMoneyInput('1.005', 'EUR', 'en')).toEqual({ ok: false, error: 'too_precise' });
  });

  it('names what is wrong with a bad amount', () => {
    expect(parseMoneyInput('', 'EUR', 'en')).toEqual({ ok: false, error: 'empty' });
    expect(parseMoneyInput('-5', 'EUR', 'en')).toEqual({ ok: false, error: 'negative' });
    expect(parseMoneyInput('abc', 'EUR', 'en')).toEqual({ ok: false, error: 'invalid' });
    expect(parseMoneyInput('1.2.3,4,5', 'EUR', 'en')).toEqual({ ok: false, error: 'invalid' });
    expect(parseMoneyInput('12,34,5', 'EUR', 'en')).toEqual({ ok: false, error: 'invalid' });
    expect(parseMoneyInput('1.5', 'JPY', 'en')).toEqual({ ok: false, error: 'too_precise' });
    expect(parseMoneyInput('99999999999999999', 'EUR', 'en')).toEqual({ ok: false, error: 'too_large' });
  });

  it('round-trips every amount it writes into an input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('en', 'es'), (cents, language) => {
        expect(parseMoneyInput(centsToInput(cents, 'EUR', language), 'EUR', language)).toEqual({ ok: true, value: cents });
      }),
    );
  });
});

describe('parseDecimal', () => {
  it('reads a percentage as basis points', () => {
    expect(parseDecimal('12.5', 2)).toEqual({ ok: true, value: 1250 });
    expect(parseDecimal('9,75 %', 2, ',')).toEqual({ ok: true, value: 975 });
    expect(parseDecimal('0', 2)).toEqual({ ok: true, value: 0 });
  });
});
