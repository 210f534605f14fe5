/**
 * English words for the schedule's rules: statuses that follow the clock, the no-show
 * confirmation and the live label of a dragged appointment. Spread into en.ts.
 */
export const enScheduleRules = {
  'statusRule.tooEarly.arrived': 'Too early to check in: check-in opens {day} at {time}, {minutes} min before the visit.',
  'statusRule.tooEarly.in_progress': 'Too early to start the visit: possible from {day} at {time}, {minutes} min before it.',
  'statusRule.tooEarly.completed': 'Too early to complete the visit: possible from {day} at {time}, {minutes} min before it.',
  'statusRule.noShowTooEarly': 'Not a no-show yet: the visit starts {day} at {time}.',

  'statusLead.title': 'Check-in',
  'statusLead.hint': 'A visit can be checked in, started or completed from this many minutes before it starts; a no-show only once it has started.',
  'statusLead.label': 'Minutes before the visit',
  'statusLead.save': 'Save',
  'statusLead.readOnly': 'Check-in opens {minutes} min before the visit. Only an admin can change it.',
  'statusLead.err': 'Enter whole minutes from 0 to 720.',

  'noShow.title': 'Mark as no-show?',
  'noShow.body': '{patient} did not come to the visit of {day} at {time}. A no-show is final: the appointment closes and its time is freed.',
  'noShow.confirm': 'Mark no-show',
  'noShow.keep': 'Keep the appointment',

  'drag.landsAt': '{start}–{end}',
  'drag.doctor': 'with {doctor}',
  'drag.fitted': 'moved to fit the schedule',
  'drag.overlap': 'overlaps {patient}',
  'drag.offHours': 'outside working hours',
  'drag.break': 'during a break',
  'drag.vacation': 'doctor away',
  'drag.blocked': 'clinic closed',
  'drag.thereNote': 'At that time:',
  'drag.fitTitle': 'Move to {start}–{end}?',
  'drag.fitBody': 'At the time under the pointer ({pointer}) the visit would not fit in the day\'s schedule. It fits at {start}–{end}, {day}.',
  'drag.fitConfirm': 'Move to {start}',
  'drag.fitKeep': 'Leave it at {current}',
} as const;
