import type { IsoDate } from './clinic-time.ts';

/**
 * Recall message copy for SMS, WhatsApp and e-mail in English and Spanish. The desk fills a
 * template per contact and copies it to the clipboard; nothing is sent from here.
 * Placeholders: {firstName} {patientName} {clinicName} {dueReason} {clinicPhone}.
 */
export type MessageChannel = 'sms' | 'whatsapp' | 'email';
export type MessageLanguage = 'en' | 'es';

export interface MessageTemplate {
  subject: string | null;
  body: string;
}

export const MESSAGE_TEMPLATES: Record<MessageChannel, Record<MessageLanguage, MessageTemplate>> = {
  sms: {
    en: {
      subject: null,
      body: 'Hi {firstName}, this is {clinicName}. {dueReason} Call us on {clinicPhone} to book a time that suits you.',
    },
    es: {
      subject: null,
      body: 'Hola {firstName}, le escribimos de {clinicName}. {dueReason} Llámenos al {clinicPhone} para reservar cita.',
    },
  },
  whatsapp: {
    en: {
      subject: null,
      body: 'Hello {firstName} 👋\n{dueReason}\nReply here or call {clinicPhone} and we will find you a time.\n— {clinicName}',
    },
    es: {
      subject: null,
      body: 'Hola {firstName} 👋\n{dueReason}\nResponda a este mensaje o llame al {clinicPhone} y le buscamos hora.\n— {clinicName}',
    },
  },
  email: {
    en: {
      subject: 'Time for your next visit at {clinicName}',
      body:
        'Dear {patientName},\n\n{dueReason}\n\nPlease call us on {clinicPhone} or reply to this e-mail to book ' +
        'an appointment at a time that suits you.\n\nKind regards,\n{clinicName}',
    },
    es: {
      subject: 'Es hora de su próxima visita en {clinicName}',
      body:
        'Estimado/a {patientName}:\n\n{dueReason}\n\nLlámenos al {clinicPhone} o responda a este correo para ' +
        'reservar una cita cuando mejor le venga.\n\nUn saludo,\n{clinicName}',
    },
  },
};

const MONTHS: Record<MessageLanguage, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

export function formatLongDate(date: IsoDate, language: MessageLanguage): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = MONTHS[language][m - 1]!;
  return language === 'en' ? `${d} ${month} ${y}` : `${d} de ${month} de ${y}`;
}

/** The "why we are writing" sentence, in the message's language. */
export function dueSentence(
  language: MessageLanguage,
  recallName: string | null,
  dueDate: IsoDate | null,
  today: IsoDate,
): string {
  if (recallName && dueDate) {
    const when = formatLongDate(dueDate, language);
    if (language === 'en') {
      return dueDate < today ? `Your ${recallName} was due on ${when}.` : `Your ${recallName} is due on ${when}.`;
    }
    return dueDate < today ? `Su revisión (${recallName}) estaba prevista para el ${when}.` : `Su revisión (${recallName}) está prevista para el ${when}.`;
  }
  return language === 'en' ? 'It is time for your next check-up.' : 'Ya le toca su próxima revisión.';
}

export interface TemplateValues {
  firstName: string;
  patientName: string;
  clinicName: string;
  dueReason: string;
  clinicPhone: string;
}

const PLACEHOLDER = /\{(firstName|patientName|clinicName|dueReason|clinicPhone)\}/g;

/** Fills every placeholder; values are inserted as-is (plain text, never re-scanned). */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_m, key: keyof TemplateValues) => values[key]);
}

export function renderMessage(
  channel: MessageChannel,
  language: MessageLanguage,
  values: TemplateValues,
): { subject: string | null; text: string } {
  const t = MESSAGE_TEMPLATES[channel][language];
  return { subject: t.subject === null ? null : fillTemplate(t.subject, values), text: fillTemplate(t.body, values) };
}
