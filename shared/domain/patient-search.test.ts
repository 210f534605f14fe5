import { describe, expect, it } from 'vitest';
import { buildPatientQuery, foldText, matchesShortTokens, normalizeNationalId, phoneDigits } from './patient-search.ts';

describe('patient-search', () => {
  it('folds accents and case the way the index does', () => {
    expect(foldText('García ÑÚÑEZ Çé')).toBe('garcia nunez ce');
    expect(phoneDigits('+34 (600) 12-34.56')).toBe('34600123456');
    expect(normalizeNationalId(' x-1234567 l')).toBe('X1234567L');
  });

  it('searches phone digits and national ids for digit queries', () => {
    expect(buildPatientQuery(' 600 12-34 ')).toEqual({ kind: 'fts', match: '{phone national_id} : "6001234"', shortTokens: [] });
    expect(buildPatientQuery('6 0')).toEqual({ kind: 'too_short' });
  });

  it('needs every word in the name or national id; short words only narrow', () => {
    expect(buildPatientQuery('Pérez jo')).toEqual({ kind: 'fts', match: '{name national_id} : ("perez")', shortTokens: ['jo'] });
    expect(buildPatientQuery('ana  maria')).toMatchObject({ match: '{name national_id} : ("ana" AND "maria")' });
    expect(buildPatientQuery('jo ma')).toEqual({ kind: 'too_short' });
    expect(buildPatientQuery('   ')).toEqual({ kind: 'empty' });
    expect(matchesShortTokens(['jo'], 'José Pérez', null)).toBe(true);
    expect(matchesShortTokens(['xy'], 'José Pérez', null)).toBe(false);
  });

  it('quotes what the user typed so FTS syntax cannot break the query', () => {
    expect(buildPatientQuery('o"neil OR *')).toEqual({ kind: 'fts', match: '{name national_id} : ("o""neil")', shortTokens: ['or', '*'] });
  });
});
