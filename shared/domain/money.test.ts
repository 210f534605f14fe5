import { describe, expect, it } from 'vitest';
import { assertCents, currencyDigits, formatMoney } from './money.ts';

describe('money', () => {
  it('formats minor units per language and currency', () => {
    expect(formatMoney(123456, 'EUR', 'es').replace(/\s/g, ' ')).toBe('1234,56 €');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(5000, 'JPY', 'en')).toBe('¥5,000');
  });

  it('knows how many minor digits a currency has', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('refuses fractional amounts', () => {
    expect(() => assertCents(10.5)).toThrow(/whole number/);
    expect(assertCents(-250)).toBe(-250);
  });
});
