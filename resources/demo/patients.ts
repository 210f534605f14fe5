import type { Rng } from './random.ts';
import {
  BLOCK_REASONS,
  EMAIL_DOMAINS,
  ENGLISH_FEMALE,
  ENGLISH_MALE,
  ENGLISH_SURNAMES,
  PATIENT_NOTES,
  SPANISH_FEMALE,
  SPANISH_MALE,
  SPANISH_SURNAMES,
  asciiSlug,
} from './names.ts';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI: 8 digits and the check letter (number mod 23). */
export function dni(n: number): string {
  const digits = String(n % 100_000_000).padStart(8, '0');
  return digits + DNI_LETTERS[Number(digits) % 23];
}

/** Spanish NIE for foreign residents: X/Y/Z stand for 0/1/2 in the check-letter sum. */
export function nie(prefix: 0 | 1 | 2, n: number): string {
  const digits = String(n % 10_000_000).padStart(7, '0');
  return 'XYZ'[prefix]! + digits + DNI_LETTERS[Number(`${prefix}${digits}`) % 23];
}

export function isValidSpanishId(id: string): boolean {
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(id);
  if (!m) return false;
  const [, prefix, digits, letter] = m as unknown as [string, string, string, string];
  if ((prefix === '' && digits.length !== 8) || (prefix !== '' && digits.length !== 7)) return false;
  const n = Number(prefix === '' ? digits : `${'XYZ'.indexOf(prefix)}${digits}`);
  return DNI_LETTERS[n % 23] === letter;
}

export interface PatientPlan {
  clinicId: string;
  count: number;
  /** Patients are registered between these instants (ms); their ids carry that time. */
  fromMs: number;
  toMs: number;
  nowYear: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function spanishPhone(rng: Rng): string {
  return `+34 6${pad(rng.int(0, 99), 2)} ${pad(rng.int(0, 999), 3)} ${pad(rng.int(0, 999), 3)}`;
}

/** UK mobile numbers from Ofcom's drama range, so no real person is ever dialled. */
function ukPhone(rng: Rng): string {
  return `+44 7700 900${pad(rng.int(0, 999), 3)}`;
}

/**
 * The registration instant of patient i: the first 40 % were imported when the clinic started
 * using the app, the rest registered evenly since. Increasing in i, so ids stay time-ordered.
 */
export function registeredAtMs(plan: PatientPlan, i: number): number {
  const imported = Math.floor(plan.count * 0.4);
  if (i < imported) return plan.fromMs + i;
  const span = plan.toMs - plan.fromMs;
  return plan.fromMs + imported + Math.floor(((i - imported + 1) / (plan.count - imported + 1)) * (span - imported));
}

/** How many patients exist by an instant (inverse of registeredAtMs, at least 1). */
export function registeredBy(plan: PatientPlan, ms: number): number {
  const imported = Math.floor(plan.count * 0.4);
  const span = plan.toMs - plan.fromMs;
  if (ms >= plan.toMs) return plan.count;
  const rest = plan.count - imported;
  const done = Math.floor(((ms - plan.fromMs - imported) / Math.max(1, span - imported)) * (rest + 1));
  return Math.max(1, Math.min(plan.count, imported + Math.max(0, done)));
}

export type PatientRow = Record<string, string | number | null>;

export function* generatePatients(plan: PatientPlan, rng: Rng, idAt: (ms: number) => string): Generator<PatientRow> {
  for (let i = 0; i < plan.count; i++) {
    const at = registeredAtMs(plan, i);
    const iso = new Date(at).toISOString();
    const spanish = rng.chance(0.78);
    const female = rng.chance(0.52);
    const first = spanish
      ? rng.pick(female ? SPANISH_FEMALE : SPANISH_MALE)
      : rng.pick(female ? ENGLISH_FEMALE : ENGLISH_MALE);
    const last = spanish
      ? `${rng.pick(SPANISH_SURNAMES)} ${rng.pick(SPANISH_SURNAMES)}`
      : rng.pick(ENGLISH_SURNAMES);
    const age = rng.chance(0.15) ? rng.int(3, 17) : rng.int(18, 92);
    const birth = rng.chance(0.95)
      ? `${plan.nowYear - age}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`
      : null;
    const phone = !spanish && rng.chance(0.5) ? ukPhone(rng) : spanishPhone(rng);
    const hasEmail = rng.chance(0.85);
    const email = hasEmail
      ? `${asciiSlug(first)}.${asciiSlug(last.split(' ')[0]!)}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`
      : null;
    let nationalId: string | null = null;
    if (spanish && rng.chance(0.65)) nationalId = dni(rng.int(1_000_000, 99_999_999));
    else if (!spanish && rng.chance(0.35)) nationalId = nie(rng.int(0, 2) as 0 | 1 | 2, rng.int(0, 9_999_999));
    const channel = rng.weighted<string>([
      ['whatsapp', 40],
      ['sms', 20],
      ['phone', 25],
      ['email', hasEmail ? 15 : 0],
    ]);
    const blocked = rng.chance(0.01);
    yield {
      id: idAt(at),
      clinic_id: plan.clinicId,
      first_name: first,
      last_name: last,
      birth_date: birth,
      phone,
      email,
      national_id: nationalId,
      preferred_channel: channel,
      opt_out: rng.chance(0.03) ? 1 : 0,
      blocked: blocked ? 1 : 0,
      blocked_reason: blocked ? rng.pick(BLOCK_REASONS) : null,
      notes: rng.chance(0.06) ? rng.pick(PATIENT_NOTES) : null,
      version: 0,
      updated_at: iso,
      deleted_at: null,
    };
  }
}
