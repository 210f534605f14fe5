import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePatternOf, datePlaceholder, formatDateInput, parseDateInput, parseTimeInput } from './date-input.ts';

const es = datePatternOf('es-ES');
const gb = datePatternOf('en-GB');
const us = datePatternOf('en-US');

describe('datePatternOf', () => {
  it('takes the order from the locale, not from the browser', () => {
    expect(es).toEqual({ order: ['day', 'month', 'year'], separator: '/' });
    expect(gb).toEqual({ order: ['day', 'month', 'year'], separator: '/' });
    expect(us.order).toEqual(['month', 'day', 'year']);
    expect(datePatternOf('de-DE')).toEqual({ order: ['day', 'month', 'year'], separator: '.' });
  });

  it('builds the placeholder in each language', () => {
    expect(datePlaceholder(es, { day: 'dd', month: 'mm', year: 'aaaa' })).toBe('dd/mm/aaaa');
    expect(datePlaceholder(us, { day: 'dd', month: 'mm', year: 'yyyy' })).toBe('mm/dd/yyyy');
  });
});

describe('parseDateInput', () => {
  it('reads 10/12/2026 as 10 December on a Spanish or British desk', () => {
    expect(parseDateInput('10/12/2026', es)).toEqual({ ok: true, value: '2026-12-10' });
    expect(parseDateInput('10/12/2026', gb)).toEqual({ ok: true, value: '2026-12-10' });
    expect(parseDateInput('10/12/2026', us)).toEqual({ ok: true, value: '2026-10-12' });
  });

  it('accepts short parts, other separators, eight digits and pasted ISO dates', () => {
    expect(parseDateInput('1/2/2027', es)).toEqual({ ok: true, value: '2027-02-01' });
    expect(parseDateInput(' 01-02-2027 ', es)).toEqual({ ok: true, value: '2027-02-01' });
    expect(parseDateInput('01.02.2027', es)).toEqual({ ok: true, value: '2027-02-01' });
    expect(parseDateInput('01022027', es)).toEqual({ ok: true, value: '2027-02-01' });
    expect(parseDateInput('2027-02-01', es)).toEqual({ ok: true, value: '2027-02-01' });
  });

  it('names what is wrong', () => {
    expect(parseDateInput('', es)).toEqual({ ok: false, error: 'empty' });
    expect(parseDateInput('10/12/26', es)).toEqual({ ok: false, error: 'format' });
    expect(parseDateInput('mañana', es)).toEqual({ ok: false, error: 'format' });
    expect(parseDateInput('31/04/2027', es)).toEqual({ ok: false, error: 'no_such_day' });
    expect(parseDateInput('29/02/2027', es)).toEqual({ ok: false, error: 'no_such_day' });
    expect(parseDateInput('29/02/2028', es)).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDateInput('12/13/2027', es)).toEqual({ ok: false, error: 'no_such_day' });
    expect(parseDateInput('09/12/2026', es, { min: '2026-12-10' })).toEqual({ ok: false, error: 'before_min' });
    expect(parseDateInput('11/12/2026', es, { max: '2026-12-10' })).toEqual({ ok: false, error: 'after_max' });
  });

  it('reads back every date it writes, in every order', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(es, us, datePatternOf('de-DE'), datePatternOf('ja-JP')), (iso, pattern) => {
        expect(parseDateInput(formatDateInput(iso, pattern), pattern)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('parseTimeInput', () => {
  it('reads 24-hour times in the usual spellings', () => {
    expect(parseTimeInput('9:30')).toEqual({ ok: true, value: '09:30', minute: 570 });
    expect(parseTimeInput('09.30')).toEqual({ ok: true, value: '09:30', minute: 570 });
    expect(parseTimeInput('0930')).toEqual({ ok: true, value: '09:30', minute: 570 });
    expect(parseTimeInput('930')).toEqual({ ok: true, value: '09:30', minute: 570 });
    expect(parseTimeInput('17')).toEqual({ ok: true, value: '17:00', minute: 1020 });
    expect(parseTimeInput('23:59')).toEqual({ ok: true, value: '23:59', minute: 1439 });
  });

  it('refuses what is not a time of day, and times off the grid', () => {
    expect(parseTimeInput('')).toEqual({ ok: false, error: 'empty' });
    expect(parseTimeInput('9:30 pm')).toEqual({ ok: false, error: 'format' });
    expect(parseTimeInput('24:00')).toEqual({ ok: false, error: 'out_of_range' });
    expect(parseTimeInput('12:60')).toEqual({ ok: false, error: 'out_of_range' });
    expect(parseTimeInput('09:07', 5)).toEqual({ ok: false, error: 'off_step' });
    expect(parseTimeInput('09:05', 5)).toEqual({ ok: true, value: '09:05', minute: 545 });
  });
});
