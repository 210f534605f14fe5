/**
 * The national id as shown by default: six bullets (never the real length) and the last four
 * characters, enough to tell two patients apart at the desk. The full value needs an audited
 * 'patients.revealNationalId'.
 */
export const NATIONAL_ID_MASK = '••••••';

export function maskNationalId(value: string | null): string | null {
  if (!value) return value;
  return value.length > 4 ? `${NATIONAL_ID_MASK}${value.slice(-4)}` : NATIONAL_ID_MASK;
}

export function isMaskedNationalId(value: string | null | undefined): boolean {
  return !!value && value.startsWith(NATIONAL_ID_MASK);
}
