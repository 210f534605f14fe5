import { describe, expect, it } from 'vitest';
import { csvField, dayCsv, type SheetSource } from './day-csv.ts';

const schedule: SheetSource = {
  date: '2026-11-23',
  clinic: { id: 'c', name: 'C', timeZone: 'Europe/Madrid', slotMinutes: 15, currency: 'EUR' },
  doctors: [
    { id: 'd1', displayName: 'Dr. Ana', specialty: null, color: '#000', hours: [{ startsAt: '2026-11-23T08:00:00.000Z', endsAt: '2026-11-23T13:00:00.000Z', roomId: 'r1', roomName: 'Room 1' }], breaks: [], vacations: [] },
    { id: 'd2', displayName: 'Dr. Ben', specialty: null, color: '#000', hours: [], breaks: [], vacations: [] },
  ],
  appointments: [
    { id: 'a2', doctorId: 'd2', roomId: null, patientId: 'p2', patientName: '=HYPERLINK("x")', typeId: null, typeName: null, typeColor: null, status: 'scheduled', notes: null, startsAt: '2026-11-23T10:00:00.000Z', endsAt: '2026-11-23T10:30:00.000Z' },
    { id: 'a1', doctorId: 'd1', roomId: 'r1', patientId: 'p1', patientName: 'Lucía García', typeId: 't', typeName: 'Cleaning', typeColor: '#fff', status: 'arrived', notes: 'Line 1\nsays "hi", ok', startsAt: '2026-11-23T08:00:00.000Z', endsAt: '2026-11-23T08:30:00.000Z' },
  ],
};

describe('dayCsv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+34 600')).toBe("'+34 600");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('lists the day in time order with local times, rooms and escaped fields', () => {
    const lines = dayCsv(schedule, null).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('date,start,end,doctor,room,patient,type,status,notes');
    expect(lines[1]).toBe('2026-11-23,09:00,09:30,Dr. Ana,Room 1,Lucía García,Cleaning,arrived,"Line 1\nsays ""hi"", ok"');
    expect(lines[2]).toBe(`2026-11-23,11:00,11:30,Dr. Ben,,"'=HYPERLINK(""x"")",,scheduled,`);
    expect(lines[3]).toBe('');
  });

  it('keeps one doctor only when asked', () => {
    const body = dayCsv(schedule, 'd2');
    expect(body).toContain('Dr. Ben');
    expect(body).not.toContain('Dr. Ana');
  });
});
