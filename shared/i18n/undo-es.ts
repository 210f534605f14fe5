import type { undoEn } from './undo-en.ts';

/** Spanish undo toast (spread into es.ts). */
export const undoEs: { readonly [K in keyof typeof undoEn]: string } = {
  'undo.did.book': 'Cita reservada: {patient}, {startsAt}',
  'undo.did.reschedule': 'Cita de {patient} movida al {startsAt}',
  'undo.did.patient': 'Paciente nuevo: {patient}',
  'undo.did.status.scheduled': 'Cita programada: {patient}, {startsAt}',
  'undo.did.status.confirmed': 'Cita confirmada: {patient}, {startsAt}',
  'undo.did.status.arrived': 'Llegada registrada: {patient}',
  'undo.did.status.in_progress': 'Consulta iniciada: {patient}',
  'undo.did.status.completed': 'Consulta terminada: {patient}',
  'undo.did.status.cancelled': 'Cita cancelada: {patient}, {startsAt}',
  'undo.did.status.no_show': 'No se presentó: {patient}, {startsAt}',
  'undo.undone.book': 'Deshecho: reserva de {patient}, {startsAt}',
  'undo.undone.reschedule': 'Deshecho: la cita de {patient} vuelve al {previousStartsAt}',
  'undo.undone.patient': 'Deshecho: paciente nuevo {patient} eliminado',
  'undo.undone.status': 'Deshecho: {patient} vuelve a «{previousStatus}»',
};
