/** Sync status words for states and errors main reports as codes (spread into en.ts). */
export const syncWordsEn = {
  'sync.connecting': 'Connecting… the server has not answered yet',
  'sync.connectingShort': 'Connecting…',
  'sync.attentionEmptyWaiting': '{count, plural, one {Nothing needs attention. # change is still waiting to be sent.} other {Nothing needs attention. # changes are still waiting to be sent.}}',
  'sync.err.offline': 'The server cannot be reached; changes are kept on this computer and sent later.',
  'sync.err.auth': 'The server did not accept the sign-in; sign in again to sync.',
  'sync.err.bad_request': 'The server refused a request from this desk.',
  'sync.err.failed': 'Sync stopped because of a problem on this desk; it tries again by itself.',
  'sync.clockAhead': "This computer's clock is {minutes, plural, one {# minute} other {# minutes}} ahead of the server's: times typed here may be wrong.",
  'sync.clockBehind': "This computer's clock is {minutes, plural, one {# minute} other {# minutes}} behind the server's: times typed here may be wrong.",
  'sync.rebooked': 'Booked again: {patient}, {startsAt}',
  'sync.fix.callPatient': 'Call {patient}',
  'sync.takenBy': 'Taken by {patient} with {doctor}, {startsAt}',
  'sync.takenByDesk': 'booked at another desk by {name}',
} as const;
