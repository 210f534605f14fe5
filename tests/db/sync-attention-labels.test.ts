import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAttention } from '../../electron/db/repos/needs-attention.ts';
import type { AttentionItem } from '../../shared/domain/sync-types.ts';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import { BX, type BookingTestApp, NOW, bookingApp, madrid } from './booking-fixtures.ts';
import { FX } from './fixtures.ts';

describe('sync.attention.list', () => {
  let d: BookingTestApp;
  beforeEach(() => {
    d = bookingApp();
  });
  afterEach(() => d.app.close());

  it('names the doctor, patient, room, type and staff the refused change refers to', async () => {
    const row = {
      id: BX.missing,
      doctor_id: FX.doctorA,
      patient_id: FX.patient,
      room_id: FX.room,
      appointment_type_id: FX.type,
      starts_at: '2026-11-23T15:00:00.000Z',
      ends_at: '2026-11-23T15:30:00.000Z',
      status: 'scheduled',
      created_by: FX.staff,
    };
    insertAttention(d.app.db, {
      clinic_id: FX.clinic,
      mutation_id: '01900000-0000-7000-8000-0000000000a1',
      table_name: 'appointments',
      row_id: BX.missing,
      op: 'insert',
      attempts: JSON.stringify([{ op: 'insert', changes: { ...row, patient_id: BX.patient2 } }]),
      actor_staff_id: FX.staff,
      attempted_at: NOW,
      reason: 'overlap_doctor',
      message: null,
      server_row: JSON.stringify({ ...row, doctor_id: FX.doctorB, room_id: '01900000-0000-7000-8000-0000000000ee' }),
      attempted_row: JSON.stringify(row),
      created_at: NOW,
    });
    const [item] = await d.call<AttentionItem[]>('sync.attention.list', {});
    expect(item!.labels).toEqual({
      [FX.doctorA]: 'Dr. Ana Alonso',
      [FX.doctorB]: 'Dr. Ben Brown',
      [FX.patient]: 'Lucía García',
      [BX.patient2]: 'José Pérez Núñez',
      [FX.room]: 'Room 1',
      [FX.type]: 'Cleaning',
      [FX.staff]: 'Rosa Desk',
    });
  });

  it('says which booking took a refused slot and whom to call, without ids or keys among the words', async () => {
    // Another desk's booking, now pulled here, holds the time this desk's booking wanted.
    const taker = await d.call<AppointmentDetail>('appointments.book', {
      patientId: FX.patient,
      doctorId: FX.doctorA,
      appointmentTypeId: FX.type,
      startsAt: madrid('2026-11-23', '12:00'),
    });
    const refused = {
      id: BX.missing,
      doctor_id: FX.doctorA,
      patient_id: BX.patient2,
      room_id: FX.room,
      appointment_type_id: FX.type,
      starts_at: madrid('2026-11-23', '12:00'),
      ends_at: madrid('2026-11-23', '12:30'),
      status: 'scheduled',
      idempotency_key: 'desk-2-req-0042',
    };
    insertAttention(d.app.db, {
      clinic_id: FX.clinic,
      mutation_id: '01900000-0000-7000-8000-0000000000a2',
      table_name: 'appointments',
      row_id: BX.missing,
      op: 'insert',
      attempts: JSON.stringify([{ op: 'insert', changes: refused }]),
      actor_staff_id: FX.staff,
      attempted_at: NOW,
      reason: 'overlap_doctor',
      message: 'conflicting key value violates exclusion constraint',
      server_row: null,
      attempted_row: JSON.stringify(refused),
      created_at: NOW,
    });
    const [item] = await d.call<AttentionItem[]>('sync.attention.list', {});
    expect(item!.fixes).toContain('rebook');
    expect(item!.takenBy).toEqual({
      appointmentId: taker.id,
      patient: 'Lucía García',
      doctor: 'Dr. Ana Alonso',
      room: 'Room 1',
      startsAt: madrid('2026-11-23', '12:00'),
      endsAt: madrid('2026-11-23', '12:30'),
      bookedBy: 'Rosa Desk',
    });
    expect(item!.contact).toEqual({ patient: 'José Pérez Núñez', phone: '611 22 33 44' });
  });
});
