/** The undo toast: what was done (Undo is the offer), then what Undo did. Spread into en.ts. */
export const undoEn = {
  'undo.did.book': 'Booked {patient}, {startsAt}',
  'undo.did.reschedule': 'Moved {patient} to {startsAt}',
  'undo.did.patient': 'Added patient {patient}',
  'undo.did.status.scheduled': '{patient} is scheduled, {startsAt}',
  'undo.did.status.confirmed': 'Confirmed {patient}, {startsAt}',
  'undo.did.status.arrived': 'Checked in {patient}',
  'undo.did.status.in_progress': 'Started the visit of {patient}',
  'undo.did.status.completed': 'Completed the visit of {patient}',
  'undo.did.status.cancelled': 'Cancelled {patient}, {startsAt}',
  'undo.did.status.no_show': 'Marked {patient} as no-show, {startsAt}',
  'undo.undone.book': 'Undone: booking of {patient}, {startsAt}',
  'undo.undone.reschedule': 'Undone: {patient} is back at {previousStartsAt}',
  'undo.undone.patient': 'Undone: new patient {patient} removed',
  'undo.undone.status': 'Undone: {patient} is “{previousStatus}” again',
} as const;
