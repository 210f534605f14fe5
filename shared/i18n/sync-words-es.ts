import type { syncWordsEn } from './sync-words-en.ts';

/** Spanish sync status words (spread into es.ts). */
export const syncWordsEs: { readonly [K in keyof typeof syncWordsEn]: string } = {
  'sync.connecting': 'Conectando… el servidor aún no ha respondido',
  'sync.connectingShort': 'Conectando…',
  'sync.attentionEmptyWaiting': '{count, plural, one {Nada requiere atención. Aún queda # cambio por enviar.} other {Nada requiere atención. Aún quedan # cambios por enviar.}}',
  'sync.err.offline': 'No se puede contactar con el servidor; los cambios se guardan en este equipo y se enviarán después.',
  'sync.err.auth': 'El servidor no aceptó el inicio de sesión; vuelva a iniciar sesión para sincronizar.',
  'sync.err.bad_request': 'El servidor rechazó una solicitud de este puesto.',
  'sync.err.failed': 'La sincronización se detuvo por un problema en este puesto; lo vuelve a intentar sola.',
  'sync.clockAhead': 'El reloj de este equipo va {minutes, plural, one {# minuto} other {# minutos}} adelantado respecto al servidor: las horas que se escriban aquí pueden ser erróneas.',
  'sync.clockBehind': 'El reloj de este equipo va {minutes, plural, one {# minuto} other {# minutos}} atrasado respecto al servidor: las horas que se escriban aquí pueden ser erróneas.',
  'sync.rebooked': 'Reservada de nuevo: {patient}, {startsAt}',
  'sync.fix.callPatient': 'Llamar a {patient}',
  'sync.takenBy': 'Ocupada por {patient} con {doctor}, {startsAt}',
  'sync.takenByDesk': 'reservada en otro puesto por {name}',
};
