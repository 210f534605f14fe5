import { describe, expect, it } from 'vitest';
import { isMaskedNationalId, maskNationalId } from './national-id.ts';

describe('maskNationalId', () => {
  it('keeps the last four characters behind six bullets, hiding the length', () => {
    expect(maskNationalId('12345678Z')).toBe('••••••678Z');
    expect(maskNationalId('X1234567890123')).toBe('••••••0123');
    expect(isMaskedNationalId(maskNationalId('12345678Z'))).toBe(true);
  });

  it('shows nothing of a short id and passes null through', () => {
    expect(maskNationalId('1234')).toBe('••••••');
    expect(maskNationalId(null)).toBeNull();
    expect(isMaskedNationalId('12345678Z')).toBe(false);
  });
});
