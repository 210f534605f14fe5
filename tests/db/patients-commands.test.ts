import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientAppointments, PatientDetail, PatientSearchResult } from '../../shared/domain/booking-types.ts';
import { BX, type BookingTestApp, bookingApp, madrid } from './booking-fixtures.ts';
import { FX } from './fixtures.ts';

describe('patients', () => {
  let t: BookingTestApp;
  beforeEach(() => (t = bookingApp()));
  afterEach(() => t.app.close());

  const search = async (query: string) => {
    const res = await t.call<PatientSearchResult>('patients.search', { query });
    return res.patients.map((p) => p.id);
  };

  describe('patients.search', () => {
    it('finds names ignoring accents and case, by any substring, words in any order', async () => {
      expect(await search('garcia')).toEqual([FX.patient]);
      expect(await search('GARCÍA')).toEqual([FX.patient]);
      expect(await search('ucí')).toEqual([FX.patient]);
      expect(await search('nunez jose')).toEqual([BX.patient2]);
      expect(await search('pérez j')).toEqual([BX.patient2]);
      expect(await search('garcia jose')).toEqual([]);
    });

    it('finds phones by digits with spaces or dashes ignored, and national ids', async () => {
      expect(await search('600 000 001')).toEqual([FX.patient]);
      expect(await search('+34600000001')).toEqual([FX.patient]);
      expect(await search('22-33-44')).toEqual([BX.patient2]);
      expect(await search('5678z')).toEqual([BX.patient2]);
      expect(await search('12345678Z')).toEqual([BX.patient2]);
    });

    it('asks for more characters instead of scanning, and reports when more match than shown', async () => {
      expect(await t.call('patients.search', { query: 'ga' })).toEqual({ patients: [], hasMore: false, hint: 'too_short' });
      expect(await t.call('patients.search', { query: '  ' })).toEqual({ patients: [], hasMore: false, hint: null });
      const res = await t.call<PatientSearchResult>('patients.search', { query: 'e', limit: 1 });
      expect(res.hint).toBe('too_short');
      const many = await t.call<PatientSearchResult>('patients.search', { query: '000', limit: 1 });
      expect(many.patients).toHaveLength(1);
      expect(many.hasMore).toBe(true);
    });

    it('follows renames and leaves deleted patients out', async () => {
      await t.call('patients.update', { id: FX.patient, lastName: 'Gómez' });
      expect(await search('garcia')).toEqual([]);
      expect(await search('gomez')).toEqual([FX.patient]);
      t.app.db.prepare(`UPDATE patients SET deleted_at = '2026-11-23T10:00:00.000Z' WHERE id = ?`).run(FX.patient);
      expect(await search('gomez')).toEqual([]);
    });
  });

  describe('patients.create', () => {
    const valid = { firstName: 'Marta', lastName: 'Ruiz', birthDate: '1990-02-03', phone: '633 44 55 66', email: 'Marta@Example.com' };

    it('creates a patient, audited and queued for sync, and finds it at once', async () => {
      const before = t.writes();
      const p = await t.call<PatientDetail>('patients.create', { ...valid, preferredChannel: 'whatsapp', notes: ' ' });
      expect(p).toMatchObject({ firstName: 'Marta', email: 'marta@example.com', preferredChannel: 'whatsapp', notes: null, optOut: false });
      expect(t.writes()).toEqual([before[0], before[1]! + 1, before[2]! + 1, before[3]! + 2]);
      expect(await search('ruiz')).toEqual([p.id]);
    });

    it.each([
      [{ firstName: ' ' }, 'firstName'],
      [{ birthDate: '2026-11-24' }, 'birthDate'],
      [{ birthDate: '1850-01-01' }, 'birthDate'],
      [{ phone: 'call me' }, 'phone'],
      [{ phone: '12 34' }, 'phone'],
      [{ email: 'marta@' }, 'email'],
      [{ nationalId: '1#2' }, 'nationalId'],
      [{ email: null, preferredChannel: 'email' }, 'preferredChannel'],
    ])('refuses %o naming the field and writes nothing', async (bad, field) => {
      const before = t.writes();
      expect(await t.error('patients.create', { ...valid, ...bad })).toMatchObject({ code: 'validation_error', field });
      expect(t.writes()).toEqual(before);
    });

    it('warns about the same phone or the same name and birth date; confirmDuplicate creates anyway', async () => {
      const samePhone = await t.error('patients.create', { firstName: 'Lu', lastName: 'G', phone: '600-000-001' });
      expect(samePhone).toMatchObject({
        code: 'conflict',
        details: { reason: 'possible_duplicate', duplicates: [{ id: FX.patient, reasons: ['phone'] }] },
      });
      const sameName = await t.error('patients.create', { firstName: 'jose', lastName: 'PEREZ NUÑEZ', birthDate: '1980-05-01' });
      expect(sameName.details).toMatchObject({ duplicates: [{ id: BX.patient2, reasons: ['name_birth_date'] }] });
      expect(sameName.message).toMatch(/José Pérez Núñez/);
      const sameId = await t.error('patients.create', { firstName: 'Other', lastName: 'Person', nationalId: '12345678-z' });
      expect(sameId.details).toMatchObject({ duplicates: [{ id: BX.patient2, reasons: ['national_id'] }] });
      const before = t.writes();
      await t.call('patients.create', { firstName: 'Lu', lastName: 'G', phone: '600-000-001', confirmDuplicate: true });
      expect(t.writes()[1]).toBe(before[1]! + 1);
    });
  });

  describe('patients.update, get and appointments', () => {
    it('changes only the given fields: preferences, opt-out and notes', async () => {
      const p = await t.call<PatientDetail>('patients.update', { id: FX.patient, preferredChannel: 'sms', optOut: true, notes: 'Prefers mornings' });
      expect(p).toMatchObject({ preferredChannel: 'sms', optOut: true, notes: 'Prefers mornings', phone: '+34 600 000 001', firstName: 'Lucía' });
      expect(await t.call('patients.get', { id: FX.patient })).toEqual(p);
      expect(await t.error('patients.update', { id: FX.patient, preferredChannel: 'email' })).toMatchObject({ field: 'preferredChannel' });
      expect(await t.error('patients.get', { id: BX.missing })).toMatchObject({ code: 'not_found', field: 'id' });
    });

    it('lists upcoming appointments soonest first and past ones latest first', async () => {
      const res = await t.call<PatientAppointments>('patients.appointments', { patientId: FX.patient });
      expect(res.past.map((a) => a.id)).toEqual([FX.appt]);
      expect(res.upcoming.map((a) => [a.id, a.doctorName, a.typeName])).toEqual([[FX.apptOtherDay, 'Dr. Ana Alonso', 'Cleaning']]);
      expect(res.upcoming[0]!.startsAt).toBe(madrid('2026-11-24', '10:00'));
    });
  });
});
