import { DEMO_CLINIC_ID, DEMO_STAFF } from '../../shared/demo-ids.ts';
import { type IsoDate, addDaysIso, isoWeekday, localMinuteToInstant } from '../../shared/domain/clinic-time.ts';
import type { Rng } from './random.ts';
import { ENGLISH_FEMALE, ENGLISH_MALE, ENGLISH_SURNAMES, SPANISH_FEMALE, SPANISH_MALE, SPANISH_SURNAMES } from './names.ts';

export const DEMO_TIME_ZONE = 'Europe/Madrid';
export const DEMO_SLOT_MINUTES = 15;

type Row = Record<string, string | number | null>;
interface Range {
  start: number;
  end: number;
}
interface Template {
  /** weekday (1..7) → working ranges, minutes from local midnight */
  hours: Record<number, Range[]>;
  breaks: Record<number, (Range & { label: string })[]>;
}

const h = (hh: number, mm = 0) => hh * 60 + mm;
const days = <T>(ws: number[], value: T): Record<number, T> => Object.fromEntries(ws.map((w) => [w, value]));
const WEEK = [1, 2, 3, 4, 5];

/** Six weekly shapes: split days, mornings, afternoons, a lunch break, part-time, Saturdays. */
const TEMPLATES: Template[] = [
  { hours: days(WEEK, [{ start: h(9), end: h(14) }, { start: h(16), end: h(20) }]), breaks: {} },
  {
    hours: { ...days(WEEK, [{ start: h(8), end: h(15) }]), 6: [{ start: h(9), end: h(13) }] },
    breaks: days(WEEK, [{ start: h(11), end: h(11, 15), label: 'Café (Coffee)' }]),
  },
  {
    hours: days(WEEK, [{ start: h(14), end: h(21) }]),
    breaks: days(WEEK, [{ start: h(17, 30), end: h(17, 45), label: 'Café (Coffee)' }]),
  },
  {
    hours: { ...days([1, 2, 3, 4], [{ start: h(9), end: h(17) }]), 5: [{ start: h(9), end: h(14) }] },
    breaks: days([1, 2, 3, 4], [{ start: h(13), end: h(14), label: 'Comida (Lunch)' }]),
  },
  { hours: days([2, 4, 6], [{ start: h(9), end: h(14) }]), breaks: {} },
  {
    hours: { ...days([1, 3, 5], [{ start: h(8, 30), end: h(14, 30) }]), ...days([2, 4], [{ start: h(15), end: h(20) }]) },
    breaks: {},
  },
];

/**
 * The clinic's words are data in its own language (Madrid: Spanish), with the English in brackets
 * for the English desk and the clinic's foreign patients: names a person typed are never
 * translated by the app, so a bilingual clinic writes them bilingually.
 */
const SPECIALTIES = [
  'Odontología general (General dentistry)', 'Ortodoncia (Orthodontics)', 'Endodoncia (Endodontics)',
  'Periodoncia (Periodontics)', 'Cirugía oral (Oral surgery)', 'Odontopediatría (Paediatric dentistry)',
  'Implantología (Implantology)', 'Prostodoncia (Prosthodontics)',
] as const;
const COLORS = ['#4f7cac', '#c0504d', '#9bbb59', '#8064a2', '#f79646', '#4bacc6', '#2c7a7b', '#b7791f'] as const;

/** `code` is the demo's own stable key (recall types point at types by it); never shown. */
export const APPOINTMENT_TYPES = [
  { code: 'cleaning', name: 'Limpieza (Cleaning)', minutes: 30, color: '#4caf50', weight: 24 },
  { code: 'checkup', name: 'Revisión (Check-up)', minutes: 20, color: '#2196f3', weight: 20 },
  { code: 'filling', name: 'Empaste (Filling)', minutes: 45, color: '#ff9800', weight: 14 },
  { code: 'extraction', name: 'Extracción (Extraction)', minutes: 30, color: '#e53935', weight: 6 },
  { code: 'root-canal', name: 'Endodoncia (Root canal)', minutes: 90, color: '#8e24aa', weight: 4 },
  { code: 'whitening', name: 'Blanqueamiento (Whitening)', minutes: 60, color: '#00acc1', weight: 3 },
  { code: 'ortho-review', name: 'Control de ortodoncia (Orthodontic review)', minutes: 20, color: '#795548', weight: 10 },
  { code: 'first-visit', name: 'Primera visita (First visit)', minutes: 30, color: '#607d8b', weight: 12 },
] as const;

/** Recalls out of the box: a cleaning every 6 months, a check-up every 12. */
export const RECALL_TYPES = [
  { name: 'Limpieza semestral (Cleaning every 6 months)', months: 6, typeCode: 'cleaning' },
  { name: 'Revisión anual (Yearly check-up)', months: 12, typeCode: 'checkup' },
] as const;

/** Fixed-date national holidays in Spain (month, day): the clinic is closed. */
export const HOLIDAYS: [number, number, string][] = [
  [1, 1, 'Año Nuevo (New Year)'], [1, 6, 'Epifanía (Epiphany)'], [5, 1, 'Día del Trabajo (Labour Day)'],
  [8, 15, 'Asunción (Assumption Day)'], [10, 12, 'Fiesta Nacional (National Day)'],
  [11, 1, 'Todos los Santos (All Saints)'], [12, 6, 'Día de la Constitución (Constitution Day)'],
  [12, 8, 'Inmaculada Concepción (Immaculate Conception)'], [12, 25, 'Navidad (Christmas Day)'],
];

export interface DoctorModel {
  id: string;
  hours: Record<number, (Range & { room: number })[]>;
  /** Working ranges minus breaks, per weekday. */
  segments: Record<number, Range[]>;
  vacationDays: Set<IsoDate>;
}

export interface ClinicPlan {
  clinicId: string;
  timeZone: string;
  slotMinutes: number;
  rows: Record<string, Row[]>;
  doctors: DoctorModel[];
  roomIds: string[];
  types: { id: string; code: string; minutes: number; weight: number }[];
  staffIds: string[];
  closedDays: Set<IsoDate>;
}

function subtract(ranges: Range[], cuts: Range[]): Range[] {
  let out = ranges.map((r) => ({ ...r }));
  for (const c of cuts) {
    out = out.flatMap((r) =>
      c.end <= r.start || c.start >= r.end
        ? [r]
        : [
            ...(c.start > r.start ? [{ start: r.start, end: c.start }] : []),
            ...(c.end < r.end ? [{ start: c.end, end: r.end }] : []),
          ],
    );
  }
  return out;
}

function doctorName(rng: Rng): string {
  const spanish = rng.chance(0.75);
  const female = rng.chance(0.55);
  const first = rng.pick(spanish ? (female ? SPANISH_FEMALE : SPANISH_MALE) : female ? ENGLISH_FEMALE : ENGLISH_MALE);
  const last = rng.pick(spanish ? SPANISH_SURNAMES : ENGLISH_SURNAMES);
  return `${spanish && female ? 'Dra.' : 'Dr.'} ${first} ${last}`;
}

/**
 * Everything but patients and appointments: the clinic, staff, doctors with weekly hours,
 * breaks, vacations, rooms (assigned so no two doctors share a room at the same time),
 * appointment types and closures, for the window [firstDay, lastDay].
 */
export function planClinic(opts: {
  rng: Rng;
  idAt: (ms: number) => string;
  setupMs: number;
  doctors: number;
  firstDay: IsoDate;
  lastDay: IsoDate;
}): ClinicPlan {
  const { rng, idAt } = opts;
  const tz = DEMO_TIME_ZONE;
  const at = new Date(opts.setupMs).toISOString();
  let tick = opts.setupMs;
  const nextId = () => idAt(tick++);
  const base = { clinic_id: DEMO_CLINIC_ID, version: 0, updated_at: at, deleted_at: null };
  const rows: Record<string, Row[]> = {
    clinics: [{ id: DEMO_CLINIC_ID, name: 'Clínica Sonrisa Demo', time_zone: tz, slot_minutes: DEMO_SLOT_MINUTES, currency: 'EUR', phone: '+34 910 000 000', address: 'Calle Mayor 1, 28013 Madrid', ...base }],
    staff: DEMO_STAFF.map((s) => ({ id: s.id, user_id: null, display_name: s.displayName, email: s.email, role: s.role, active: 1, ...base })),
    rooms: [], doctors: [], doctor_working_hours: [], doctor_breaks: [], doctor_vacations: [],
    clinic_blocked_periods: [], appointment_types: [], recall_types: [],
  };

  const types = APPOINTMENT_TYPES.map((t) => {
    const id = nextId();
    rows.appointment_types!.push({ id, name: t.name, duration_minutes: t.minutes, color: t.color, active: 1, ...base });
    return { id, code: t.code, minutes: t.minutes, weight: t.weight };
  });
  for (const r of RECALL_TYPES) {
    const typeIds = types.filter((t) => t.code === r.typeCode).map((t) => t.id);
    rows.recall_types!.push({
      id: nextId(), name: r.name, interval_months: r.months, basis: 'appointment_types',
      appointment_type_ids: JSON.stringify(typeIds), active: 1, ...base,
    });
  }

  const doctors: DoctorModel[] = [];
  for (let i = 0; i < opts.doctors; i++) {
    const id = nextId();
    const t = TEMPLATES[i % TEMPLATES.length]!;
    rows.doctors!.push({ id, staff_id: null, display_name: doctorName(rng), specialty: SPECIALTIES[i % SPECIALTIES.length]!, color: COLORS[i % COLORS.length]!, active: 1, ...base });
    const segments: Record<number, Range[]> = {};
    for (const [w, ranges] of Object.entries(t.hours)) segments[+w] = subtract(ranges, t.breaks[+w] ?? []);
    doctors.push({ id, hours: {}, segments, vacationDays: new Set() });
    for (const [w, list] of Object.entries(t.breaks))
      for (const b of list) rows.doctor_breaks!.push({ id: nextId(), doctor_id: id, weekday: +w, start_minute: b.start, end_minute: b.end, label: b.label, ...base });
  }

  // Rooms by greedy interval colouring per weekday: sorted by start, take the lowest free room.
  let roomCount = 0;
  for (let w = 1; w <= 7; w++) {
    const items = doctors.flatMap((d, i) => (TEMPLATES[i % TEMPLATES.length]!.hours[w] ?? []).map((r) => ({ d, r })));
    items.sort((a, b) => a.r.start - b.r.start);
    const busyUntil: number[] = [];
    for (const { d, r } of items) {
      let room = busyUntil.findIndex((end) => end <= r.start);
      if (room < 0) room = busyUntil.push(0) - 1;
      busyUntil[room] = r.end;
      (d.hours[w] ??= []).push({ ...r, room });
    }
    roomCount = Math.max(roomCount, busyUntil.length);
  }
  const roomIds = Array.from({ length: Math.max(roomCount, 1) }, (_, i) => {
    const id = nextId();
    rows.rooms!.push({ id, name: `Gabinete ${i + 1} (Room ${i + 1})`, active: 1, ...base });
    return id;
  });
  for (const d of doctors)
    for (const [w, list] of Object.entries(d.hours))
      for (const r of list)
        rows.doctor_working_hours!.push({ id: nextId(), doctor_id: d.id, room_id: roomIds[r.room]!, weekday: +w, start_minute: r.start, end_minute: r.end, valid_from: null, valid_to: null, ...base });

  const wholeDays = (from: IsoDate, n: number) => ({
    starts_at: localMinuteToInstant(from, 0, tz),
    ends_at: localMinuteToInstant(addDaysIso(from, n), 0, tz),
  });
  const dayList = (from: IsoDate, n: number) => Array.from({ length: n }, (_, k) => addDaysIso(from, k));

  // Every closure and absence is fixed to the calendar (never to "today"), so a day's shape does
  // not depend on when the clinic was generated: a vacation week and a conference for two doctors
  // three times a year, two summer weeks for everyone, national holidays, quarterly staff training.
  const vacation = (d: DoctorModel, from: IsoDate, n: number, reason: string) => {
    rows.doctor_vacations!.push({ id: nextId(), doctor_id: d.id, ...wholeDays(from, n), reason, ...base });
    for (const day of dayList(from, n)) d.vacationDays.add(day);
  };
  const firstYear = Number(opts.firstDay.slice(0, 4));
  const lastYear = Number(opts.lastDay.slice(0, 4));
  const closedDays = new Set<IsoDate>();
  const inWindow = (day: IsoDate) => day >= opts.firstDay && day <= opts.lastDay;
  const dateOf = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (let y = firstYear; y <= lastYear; y++) {
    for (const m of [3, 7, 11]) {
      if (doctors[1] && inWindow(dateOf(y, m, 9))) vacation(doctors[1], dateOf(y, m, 9), 7, 'Vacaciones (Vacation)');
      if (doctors[3] && inWindow(dateOf(y, m - 1, 20))) vacation(doctors[3], dateOf(y, m - 1, 20), 5, 'Congreso (Conference)');
    }
    doctors.forEach((d, i) => {
      const from = addDaysIso(`${y}-08-01`, (i % 4) * 7);
      if (inWindow(from) && !d.vacationDays.has(from)) vacation(d, from, 14, 'Vacaciones de verano (Summer vacation)');
    });
    for (const [m, dd, reason] of HOLIDAYS) {
      const day = dateOf(y, m, dd);
      if (!inWindow(day)) continue;
      rows.clinic_blocked_periods!.push({ id: nextId(), ...wholeDays(day, 1), reason: `Festivo: ${reason}`, ...base });
      closedDays.add(day);
    }
    // Staff training on the third Wednesday of March, June, September and December.
    for (const m of [3, 6, 9, 12]) {
      const first = dateOf(y, m, 1);
      const training = addDaysIso(first, ((3 - isoWeekday(first) + 7) % 7) + 14);
      if (!inWindow(training) || closedDays.has(training)) continue;
      rows.clinic_blocked_periods!.push({ id: nextId(), ...wholeDays(training, 1), reason: 'Cerrado: formación del personal (Closed: staff training)', ...base });
      closedDays.add(training);
    }
  }

  return {
    clinicId: DEMO_CLINIC_ID,
    timeZone: tz,
    slotMinutes: DEMO_SLOT_MINUTES,
    rows,
    doctors,
    roomIds,
    types,
    staffIds: DEMO_STAFF.map((s) => s.id),
    closedDays,
  };
}

/** Bookable slots per ISO weekday (index 1..7) for n doctors, breaks excluded: for sizing. */
export function weeklyBookableSlots(doctors: number, slotMinutes = DEMO_SLOT_MINUTES): number[] {
  const perWeekday = Array<number>(8).fill(0);
  for (let i = 0; i < doctors; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    for (const [w, ranges] of Object.entries(t.hours))
      for (const s of subtract(ranges, t.breaks[+w] ?? [])) perWeekday[+w]! += Math.floor((s.end - s.start) / slotMinutes);
  }
  return perWeekday;
}
