import type { enFields } from './en-fields.ts';

/** Spanish words of the date and time fields, birth dates and the booking dialog's keyboard path. */
export const esFields: { readonly [K in keyof typeof enFields]: string } = {
  'date.birth': 'd MMM yyyy',
  'patient.birthAge': 'nac. {date} ({age})',
  'field.date.day': 'dd',
  'field.date.month': 'mm',
  'field.date.year': 'aaaa',
  'field.date.empty': 'Escriba una fecha.',
  'field.date.format': 'Escriba la fecha como {pattern}.',
  'field.date.no_such_day': 'No existe el día {text}.',
  'field.date.before_min': 'Elija el {min} o después.',
  'field.date.after_max': 'Elija el {max} o antes.',
  'field.date.hint': '{pattern} · ↑/↓ cambian el día',
  'field.time.placeholder': 'hh:mm',
  'field.time.empty': 'Escriba una hora.',
  'field.time.format': 'Escriba la hora como hh:mm (24 horas), p. ej. 09:30.',
  'field.time.out_of_range': 'La hora va de 00:00 a 23:59.',
  'field.time.off_step': 'Use intervalos de {step} minutos.',
  'booking.discardTitle': '¿Descartar esta cita?',
  'booking.discardBody': 'Se perderá lo que ha escrito o elegido.',
  'booking.discard': 'Descartar',
  'booking.keepEditing': 'Seguir editando',
  'booking.slotKeys': '↑/↓ recorren las horas libres, Intro elige',
};
