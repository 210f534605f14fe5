import type { enScheduleRules } from './en-schedule-rules.ts';

/** Spanish words for the schedule's rules. Spread into es.ts. */
export const esScheduleRules: { readonly [K in keyof typeof enScheduleRules]: string } = {
  'statusRule.tooEarly.arrived': 'Demasiado pronto para registrar la llegada: se puede desde el {day} a las {time}, {minutes} min antes de la cita.',
  'statusRule.tooEarly.in_progress': 'Demasiado pronto para empezar la consulta: se puede desde el {day} a las {time}, {minutes} min antes.',
  'statusRule.tooEarly.completed': 'Demasiado pronto para completar la consulta: se puede desde el {day} a las {time}, {minutes} min antes.',
  'statusRule.noShowTooEarly': 'Aún no es una ausencia: la cita empieza el {day} a las {time}.',

  'statusLead.title': 'Llegadas',
  'statusLead.hint': 'Una cita se puede marcar como llegada, empezar o completar desde estos minutos antes de su inicio; una ausencia, solo cuando ya ha empezado.',
  'statusLead.label': 'Minutos antes de la cita',
  'statusLead.save': 'Guardar',
  'statusLead.readOnly': 'La llegada se puede registrar desde {minutes} min antes de la cita. Solo un administrador puede cambiarlo.',
  'statusLead.err': 'Escriba minutos enteros de 0 a 720.',

  'noShow.title': '¿Marcar como no presentado?',
  'noShow.body': '{patient} no vino a la cita del {day} a las {time}. Una ausencia es definitiva: la cita se cierra y su hora queda libre.',
  'noShow.confirm': 'Marcar no presentado',
  'noShow.keep': 'Mantener la cita',

  'drag.landsAt': '{start}–{end}',
  'drag.doctor': 'con {doctor}',
  'drag.fitted': 'ajustada a la agenda',
  'drag.overlap': 'coincide con {patient}',
  'drag.offHours': 'fuera del horario',
  'drag.break': 'en un descanso',
  'drag.vacation': 'médico ausente',
  'drag.blocked': 'clínica cerrada',
  'drag.thereNote': 'A esa hora:',
  'drag.fitTitle': '¿Mover a las {start}–{end}?',
  'drag.fitBody': 'A la hora bajo el puntero ({pointer}) la cita no cabría en la agenda del día. Cabe a las {start}–{end}, {day}.',
  'drag.fitConfirm': 'Mover a las {start}',
  'drag.fitKeep': 'Dejarla a las {current}',
};
