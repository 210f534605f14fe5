/** Age in whole years, as people count it: the year ticks over on the birthday. */
import { isValidIsoDate, type IsoDate } from './clinic-time.ts';

/**
 * Whole years from `birthDate` to `on` (both ISO calendar dates), or null when either date is
 * invalid or the birth date lies after `on`. A 29 February birthday ticks over on 1 March in
 * years without a 29 February (the day after 28 February, as the civil computation counts it).
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number | null {
  if (!isValidIsoDate(birthDate) || !isValidIsoDate(on) || birthDate > on) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}
