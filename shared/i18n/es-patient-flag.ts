import type { enPatientFlag } from './en-patient-flag.ts';

/** Spanish strings of a patient's blocked flag; typed against the English key set. */
export const esPatientFlag: { readonly [K in keyof typeof enPatientFlag]: string } = {
  'patientFlag.title': 'Marca',
  'patientFlag.flagged': 'Marcado: {reason}',
  'patientFlag.notFlagged': 'Sin marca.',
  'patientFlag.set': 'Marcar paciente…',
  'patientFlag.editReason': 'Cambiar motivo',
  'patientFlag.clear': 'Quitar marca',
  'patientFlag.reason': 'Motivo (se muestra al citar)',
  'patientFlag.confirmSet': 'Marcar',
  'patientFlag.saveReason': 'Guardar motivo',
  'patientFlag.cancel': 'Cancelar',
  'patientFlag.managersOnly': 'Solo Gerencia o Administración pueden marcar a un paciente o quitar la marca.',
  'patientFlag.reasonRequired': 'Indique el motivo para marcar al paciente.',
  'patientFlag.reasonTooLong': 'El motivo es demasiado largo (500 caracteres como máximo).',
  'patientFlag.failed': 'No se pudo cambiar la marca. Inténtelo de nuevo.',
  'patientFlag.doneSet': 'Paciente marcado.',
  'patientFlag.doneClear': 'Marca quitada.',
  'patientFlag.doneReason': 'Motivo guardado.',
};
