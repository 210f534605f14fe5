import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UndoResult } from '../../shared/domain/booking-types.ts';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import type { CommandErrorData } from '../../shared/result.ts';
import { undoText } from '../../renderer/src/components/undo-words.ts';
import { errorText } from '../../renderer/src/i18n/error-text.ts';
import { BOOKING_DAY, type BookingTestApp, bookInput, bookingApp, madrid } from './booking-fixtures.ts';
import { FX } from './fixtures.ts';

// What a receptionist reads when main refuses: main answers a reason code and facts, the
// renderer words them in the desk's language (never main's English `message`).
const MON = BOOKING_DAY;
const TZ = 'Europe/Madrid';

describe('refusals in the desk language', () => {
  let t: BookingTestApp;
  beforeEach(() => (t = bookingApp()));
  afterEach(() => t.app.close());

  const book = bookInput;
  const refusal = async (name: string, input: unknown) => (await t.error(name, input)) as CommandErrorData;
  const patient = { firstName: 'Marta', lastName: 'Ruiz', birthDate: '1990-02-03', phone: '633 44 55 66' };

  it('words a bad phone on the Spanish desk in Spanish, with the field’s Spanish name', async () => {
    const e = await refusal('patients.create', { ...patient, phone: 'call me' });
    expect(e).toMatchObject({ code: 'validation_error', field: 'phone', reason: 'phone_chars' });
    expect(errorText('es', e, TZ)).toBe('Teléfono: solo puede contener cifras, espacios, guiones, paréntesis y un + inicial');
    expect(errorText('es', e, TZ)).not.toMatch(/may hold/);
    expect(errorText('en', e, TZ)).toBe('Phone: may hold only digits, spaces, dashes, brackets and a leading +');
    const short = await refusal('patients.create', { ...patient, phone: '12 34' });
    expect(errorText('es', short, TZ, false)).toBe('debe tener entre 6 y 15 cifras');
  });

  it('words zod’s own refusals (missing, too long) from their codes', async () => {
    const missing = await refusal('patients.create', { ...patient, firstName: undefined });
    expect(errorText('es', missing, TZ)).toBe('Nombre: es obligatorio');
    const long = await refusal('patients.create', { ...patient, lastName: 'x'.repeat(101) });
    expect(errorText('es', long, TZ)).toBe('Apellidos: es demasiado largo (máx. 100)');
  });

  it('says who is in the way of an overlap, with the times in the clinic’s zone', async () => {
    await t.call<AppointmentDetail>('appointments.book', book());
    const e = await refusal('appointments.book', book({ patientId: FX.patient, startsAt: madrid(MON, '12:15') }));
    expect(e).toMatchObject({ code: 'overlap', reason: 'overlap_doctor', params: { patient: 'José Pérez Núñez', startsAt: madrid(MON, '12:00') } });
    expect(errorText('es', e, TZ)).toBe('Dr. Ana Alonso ya atiende a José Pérez Núñez de 12:00 a 12:30.');
    expect(errorText('en', e, TZ)).toBe('Dr. Ana Alonso already sees José Pérez Núñez at 12:00–12:30.');
  });

  it('says why a time cannot be booked: a break, a vacation, a closure', async () => {
    const pause = await refusal('appointments.book', book({ startsAt: madrid(MON, '12:45') }));
    expect(errorText('es', pause, TZ)).toBe('Dr. Ana Alonso tiene un descanso de 13:00 a 13:30.');
    const away = await refusal('appointments.book', book({ startsAt: madrid('2026-11-30', '10:00') }));
    expect(away.reason).toBe('slot_vacation_note');
    expect(errorText('es', away, TZ)).toMatch(/^Dr\. Ana Alonso está ausente del .* \(.*Congress.*\)\.$/);
    const closed = await refusal('appointments.book', book({ startsAt: madrid('2026-12-07', '09:00') }));
    expect(errorText('es', closed, TZ)).toMatch(/^La clínica está cerrada del /);
  });

  it('words a refused status change with the statuses’ Spanish names', async () => {
    await t.call('appointments.setStatus', { id: FX.appt, status: 'no_show' });
    const e = await refusal('appointments.setStatus', { id: FX.appt, status: 'completed' });
    expect(errorText('es', e, TZ)).toMatch(/^Una cita en estado «.+» no puede pasar a «.+»\.$/);
    expect(errorText('es', e, TZ)).not.toMatch(/no_show|completed/);
  });

  it('words the undo toast as what was done, in either language', async () => {
    await t.call<AppointmentDetail>('appointments.book', book());
    const offer = await t.call<UndoResult>('appointments.undo', { preview: true });
    expect(offer.facts).toEqual({ kind: 'book', patient: 'José Pérez Núñez', startsAt: madrid(MON, '12:00'), previousStartsAt: null, status: null, previousStatus: null });
    expect(undoText('en', offer.facts, TZ, 'did')).toBe('Booked José Pérez Núñez, Mon 23 Nov 12:00');
    expect(undoText('es', offer.facts, TZ, 'did')).toBe('Cita reservada: José Pérez Núñez, lun 23 de nov 12:00');
    const done = await t.call<UndoResult>('appointments.undo', {});
    expect(undoText('es', done.facts, TZ, 'undone')).toBe('Deshecho: reserva de José Pérez Núñez, lun 23 de nov 12:00');
    const again = await refusal('appointments.undo', {});
    expect(errorText('es', again, TZ)).toBe('La última acción ya se deshizo.');
  });

  it('words a move and a check-in as done', async () => {
    const a = await t.call<AppointmentDetail>('appointments.book', book());
    await t.call('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '12:30') });
    const moved = await t.call<UndoResult>('appointments.undo', { preview: true });
    expect(undoText('en', moved.facts, TZ, 'did')).toBe('Moved José Pérez Núñez to Mon 23 Nov 12:30');
    expect(undoText('en', moved.facts, TZ, 'undone')).toBe('Undone: José Pérez Núñez is back at Mon 23 Nov 12:00');
    await t.call('appointments.setStatus', { id: a.id, status: 'confirmed' });
    const confirmed = await t.call<UndoResult>('appointments.undo', { preview: true });
    expect(undoText('es', confirmed.facts, TZ, 'did')).toBe('Cita confirmada: José Pérez Núñez, lun 23 de nov 12:30');
  });
});
