import type { ClinicApp } from '../electron/app.ts';
import { type Rng, createRng } from '../electron/demo/random.ts';
import { addDaysIso, todayIn } from '../shared/domain/clinic-time.ts';
import type { Bench } from './context.ts';
import { round, sample, summarize } from './stats.ts';

export interface BookingBenchOptions {
  /** Timed calls per figure (at least 200 are used). */
  samples?: number;
  warmUp?: number;
  seed?: number;
  /** The clock the app runs with (find-free starts from its local today). */
  now?: Date;
  log?: (line: string) => void;
}

export interface BookingBenchResult {
  find_free_p50_ms: number;
  find_free_p95_ms: number;
  patient_search_p50_ms: number;
  patient_search_p95_ms: number;
  [key: string]: number;
}

interface Facts {
  timeZone: string;
  doctors: string[];
  types: string[];
  patients: { first_name: string; last_name: string; phone: string | null; national_id: string | null }[];
}

/** Reads what the queries are made of straight from the benchmark DB (bench code, not app code). */
function facts(app: ClinicApp, rng: Rng, want: number): Facts {
  const q = <T>(sql: string, ...args: unknown[]) => app.db.prepare(sql).all(...args) as T[];
  const clinic = q<{ time_zone: string }>('SELECT time_zone FROM clinics WHERE deleted_at IS NULL LIMIT 1')[0];
  if (!clinic) throw new Error('benchBooking: the database has no clinic');
  const total = q<{ n: number }>('SELECT count(*) AS n FROM patients')[0]!.n;
  const patients = Array.from({ length: want }, () =>
    q<Facts['patients'][number]>(
      'SELECT first_name, last_name, phone, national_id FROM patients LIMIT 1 OFFSET ?',
      rng.int(0, Math.max(0, total - 1)),
    )[0]!,
  ).filter(Boolean);
  return {
    timeZone: clinic.time_zone,
    doctors: q<{ id: string }>('SELECT id FROM doctors WHERE active = 1 AND deleted_at IS NULL ORDER BY id').map((r) => r.id),
    types: q<{ id: string }>('SELECT id FROM appointment_types WHERE active = 1 AND deleted_at IS NULL ORDER BY id').map((r) => r.id),
    patients,
  };
}

const fragment = (rng: Rng, text: string, len: number) => {
  const start = rng.int(0, Math.max(0, text.length - len));
  return text.slice(start, start + len);
};

/** What receptionists type: name pieces (any case, no accents), phone digit runs, id fragments, misses. */
function searchQueries(rng: Rng, f: Facts, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = f.patients[i % f.patients.length]!;
    const kind = rng.int(0, 5);
    const plain = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
    if (kind === 0) out.push(plain(p.last_name.split(' ')[0]!).toLowerCase());
    else if (kind === 1) out.push(`${p.first_name} ${fragment(rng, p.last_name, 4)}`);
    else if (kind === 2) out.push(fragment(rng, plain(p.last_name).toUpperCase(), rng.int(3, 6)));
    else if (kind === 3 && p.phone) out.push(fragment(rng, p.phone.replace(/\D/g, ''), rng.int(4, 7)));
    else if (kind === 4 && p.national_id) out.push(fragment(rng, p.national_id, rng.int(4, 8)));
    else out.push(`zq${rng.int(100, 999)}x`);
  }
  return out;
}

function findFreeInputs(rng: Rng, f: Facts, today: string, n: number): Record<string, unknown>[] {
  const times = ['any', 'any', 'morning', 'afternoon'] as const;
  return Array.from({ length: n }, () => ({
    appointmentTypeId: f.types[rng.int(0, f.types.length - 1)],
    fromDate: addDaysIso(today, rng.int(0, 30)),
    ...(rng.chance(0.6) ? { doctorId: f.doctors[rng.int(0, f.doctors.length - 1)] } : {}),
    timeOfDay: times[rng.int(0, times.length - 1)],
    limit: 10,
  }));
}

/**
 * p50/p95 of 'availability.findFree' and 'patients.search' measured through app.invoke (zod
 * validation, handler and envelope included), with inputs from a fixed seed.
 */
export async function benchBooking(app: ClinicApp, opts: BookingBenchOptions = {}): Promise<BookingBenchResult> {
  const samples = Math.max(200, opts.samples ?? 300);
  const warmUp = opts.warmUp ?? 30;
  const seed = opts.seed ?? 20260106;
  const log = opts.log ?? (() => {});
  const f = facts(app, createRng(seed, 'booking-patients'), 100);
  if (f.types.length === 0 || f.doctors.length === 0) throw new Error('benchBooking: no doctors or appointment types');
  const today = todayIn(f.timeZone, opts.now ?? new Date());

  const invoke = async (name: string, input: unknown) => {
    const res = await app.invoke(name, input);
    if (!res.ok) throw new Error(`${name} failed: ${res.error.code} ${res.error.message} (${JSON.stringify(input)})`);
    return res.value;
  };
  let slots = 0;
  const freeInputs = findFreeInputs(createRng(seed, 'booking-find'), f, today, samples);
  const freeTimes = await sample(freeInputs, warmUp, async (input) => {
    slots += ((await invoke('availability.findFree', input)) as { slots: unknown[] }).slots.length;
  });
  let hits = 0;
  const queries = searchQueries(createRng(seed, 'booking-search'), f, samples);
  const searchTimes = await sample(queries, warmUp, async (query) => {
    hits += ((await invoke('patients.search', { query })) as { patients: unknown[] }).patients.length;
  });
  const free = summarize(freeTimes);
  const search = summarize(searchTimes);
  log(`availability.findFree: p50 ${round(free.p50)} ms, p95 ${round(free.p95)} ms, max ${round(free.max)} ms`);
  log(`patients.search: p50 ${round(search.p50)} ms, p95 ${round(search.p95)} ms, max ${round(search.max)} ms`);
  return {
    find_free_p50_ms: round(free.p50),
    find_free_p95_ms: round(free.p95),
    find_free_max_ms: round(free.max),
    find_free_mean_slots: round(slots / (freeInputs.length + Math.min(warmUp, freeInputs.length)), 1),
    patient_search_p50_ms: round(search.p50),
    patient_search_p95_ms: round(search.p95),
    patient_search_max_ms: round(search.max),
    patient_search_mean_hits: round(hits / (queries.length + Math.min(warmUp, queries.length)), 1),
  };
}

/** The same, shaped as a Bench for bench/run.ts. */
export const bookingBench: Bench = {
  name: 'booking',
  run: (ctx) => benchBooking(ctx.app, { samples: ctx.samples, now: ctx.now, log: ctx.log }),
};
