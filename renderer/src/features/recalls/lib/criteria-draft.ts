import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { RecallCriteria } from '../../../../../shared/domain/recall-criteria.ts';

/** The criteria builder's form state: strings as typed, so half-typed numbers never crash. */
export interface CriteriaDraft {
  name: string;
  recallTypeId: string;
  dueMode: 'none' | 'window' | 'overdue';
  dueFrom: IsoDate | '';
  dueTo: IsoDate | '';
  overdueDays: string;
  lastVisitBefore: IsoDate | '';
  appointmentTypeIds: string[];
  procedures: string;
  doctorId: string;
  ageMin: string;
  ageMax: string;
  noFutureAppointment: boolean;
  maxAttempts: string;
  attemptSpacingHours: string;
}

export function emptyDraft(): CriteriaDraft {
  return {
    name: '',
    recallTypeId: '',
    dueMode: 'none',
    dueFrom: '',
    dueTo: '',
    overdueDays: '0',
    lastVisitBefore: '',
    appointmentTypeIds: [],
    procedures: '',
    doctorId: '',
    ageMin: '',
    ageMax: '',
    noFutureAppointment: true,
    maxAttempts: '3',
    attemptSpacingHours: '24',
  };
}

function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : undefined;
}

/**
 * The criteria the backend validates, from the form. Empty fields are "no condition"; a due
 * condition without a recall type is dropped (the builder disables it then).
 */
export function draftToCriteria(d: CriteriaDraft): RecallCriteria {
  const c: RecallCriteria = {};
  if (d.recallTypeId) {
    if (d.dueMode === 'window' && d.dueFrom && d.dueTo) c.due = { kind: 'window', from: d.dueFrom, to: d.dueTo };
    if (d.dueMode === 'overdue') c.due = { kind: 'overdue', days: wholeNumber(d.overdueDays) ?? 0 };
  }
  if (d.lastVisitBefore) c.lastVisitBefore = d.lastVisitBefore;
  if (d.appointmentTypeIds.length > 0) c.appointmentTypeIds = [...d.appointmentTypeIds];
  const procedures = d.procedures.split(',').map((p) => p.trim()).filter(Boolean);
  if (procedures.length > 0) c.procedures = procedures;
  if (d.doctorId) c.doctorId = d.doctorId;
  const ageMin = wholeNumber(d.ageMin);
  const ageMax = wholeNumber(d.ageMax);
  if (ageMin !== undefined) c.ageMin = ageMin;
  if (ageMax !== undefined) c.ageMax = ageMax;
  if (d.noFutureAppointment) c.noFutureAppointment = true;
  return c;
}

/** The campaign command's input; attempt rules fall back to the backend defaults when blank. */
export function draftToCampaign(d: CriteriaDraft) {
  const maxAttempts = wholeNumber(d.maxAttempts);
  const attemptSpacingHours = wholeNumber(d.attemptSpacingHours);
  return {
    name: d.name.trim(),
    criteria: draftToCriteria(d),
    ...(d.recallTypeId ? { recallTypeId: d.recallTypeId } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(attemptSpacingHours !== undefined ? { attemptSpacingHours } : {}),
  };
}
