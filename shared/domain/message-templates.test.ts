import { describe, expect, it } from 'vitest';
import { MESSAGE_TEMPLATES, dueSentence, fillTemplate, formatLongDate, renderMessage } from './message-templates.ts';

const values = {
  firstName: 'Lucía',
  patientName: 'Lucía García',
  clinicName: 'Clínica Sol',
  dueReason: 'Your Cleaning is due on 10 November 2026.',
  clinicPhone: '+34 910 000 000',
};

describe('message templates', () => {
  it('has every channel in English and Spanish, with no placeholder left unfilled', () => {
    for (const channel of ['sms', 'whatsapp', 'email'] as const) {
      for (const language of ['en', 'es'] as const) {
        const { subject, text } = renderMessage(channel, language, values);
        expect(text).toContain('Lucía');
        expect(text).toContain('+34 910 000 000');
        expect(`${subject ?? ''}${text}`).not.toMatch(/\{\w+\}/);
        expect(MESSAGE_TEMPLATES[channel][language].body).toContain('{dueReason}');
      }
    }
    expect(renderMessage('email', 'es', values).subject).toBe('Es hora de su próxima visita en Clínica Sol');
  });

  it('inserts values literally, so a name containing a placeholder is not expanded', () => {
    expect(fillTemplate('{firstName} / {clinicName}', { ...values, firstName: '{clinicName}' })).toBe('{clinicName} / Clínica Sol');
  });

  it('words the due reason per language, past or future', () => {
    expect(formatLongDate('2026-11-10', 'es')).toBe('10 de noviembre de 2026');
    expect(dueSentence('en', 'Cleaning', '2026-11-10', '2026-11-23')).toBe('Your Cleaning was due on 10 November 2026.');
    expect(dueSentence('en', 'Cleaning', '2026-12-10', '2026-11-23')).toBe('Your Cleaning is due on 10 December 2026.');
    expect(dueSentence('es', 'Limpieza', '2026-12-10', '2026-11-23')).toBe('Su revisión (Limpieza) está prevista para el 10 de diciembre de 2026.');
    expect(dueSentence('es', null, null, '2026-11-23')).toBe('Ya le toca su próxima revisión.');
  });
});
