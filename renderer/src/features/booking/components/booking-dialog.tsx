import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type { AvailableSlot, PatientSummary } from '../../../../../shared/domain/booking-types.ts';
import { instantToLocalDate, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { uuidv7 } from '../../../../../shared/domain/ids.ts';
import type { AppInfo, AppointmentDetail } from '../../../../../shared/domain/types.ts';
import { FreeSlotFinder } from '../../../components/free-slot-finder.tsx';
import { useAvailabilitySettings } from '../../../hooks/use-availability-settings.ts';
import { useBookAppointment, useRescheduleAppointment } from '../../../data/appointment-writes.ts';
import { useCommandQuery } from '../../../data/use-command-query.ts';
import { usePatient } from '../../../hooks/use-patient.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { type BookingDraft, useBookingUi } from '../../../stores/booking-ui.ts';
import { DiscardConfirm } from './discard-confirm.tsx';
import { NewPatientForm } from './new-patient-form.tsx';
import { PatientPicker } from '../../../components/patient-picker.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import { useBirthDate } from '../../../hooks/use-birth-date.ts';
import './booking-dialog.css';

interface Props {
  info: AppInfo;
  today: IsoDate;
  /** The day on screen: the free-slot search starts there (never before today). */
  shownDate?: IsoDate | undefined;
  onDone(appointment: AppointmentDetail): void;
}

/** How the form asks to leave: Escape or × (which may ask first), or done after saving. */
interface Exit {
  request: () => void;
}

/** The modal booking dialog; mounted once by the shell, opened through the booking store. */
export function BookingDialog(props: Props) {
  const draft = useBookingUi((s) => s.draft);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeBooking = useBookingUi((s) => s.closeBooking);
  // The form says whether leaving would drop what was typed (it then asks first).
  const exit = useRef<Exit>({ request: closeBooking });

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (draft && !el.open) {
      el.showModal();
      // showModal focuses the first button (×); the keyboard path starts in the search instead.
      el.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    }
    if (!draft && el.open) el.close();
  }, [draft]);

  return (
    <dialog
      ref={dialog}
      className="booking"
      aria-labelledby="booking-title"
      onClose={closeBooking}
      onKeyDown={(e) => {
        // Escape is handled here, before the dialog's own cancel: Chromium may skip a cancel event
        // it considers repeated, and then close without asking.
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          exit.current.request();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        exit.current.request();
      }}
      data-testid="booking-dialog"
    >
      {draft && (
        <BookingForm
          key={JSON.stringify(draft)}
          draft={draft}
          exit={exit}
          {...props}
          onDone={(a) => {
            // Close first (the dialog gives focus back), then show the result, which takes the focus.
            dialog.current?.close();
            props.onDone(a);
          }}
        />
      )}
    </dialog>
  );
}

function BookingForm({ draft, info, today, shownDate, onDone, exit }: Props & { draft: BookingDraft; exit: RefObject<Exit> }) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const birth = useBirthDate();
  const tz = info.clinic.timeZone;
  const closeBooking = useBookingUi((s) => s.closeBooking);
  const announceAction = useBookingUi((s) => s.announceAction);
  const settings = useAvailabilitySettings().state.data;
  const moving = useCommandQuery('appointments.get', useMemo(() => (draft.rescheduleId ? { id: draft.rescheduleId } : null), [draft.rescheduleId])).state.data;
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const [typeId, setTypeId] = useState(draft.appointmentTypeId ?? '');
  const [doctorId, setDoctorId] = useState(draft.doctorId ?? '');
  const [slot, setSlot] = useState<AvailableSlot | null>(null);
  const [notes, setNotes] = useState('');
  const booking = useBookAppointment();
  const rescheduling = useRescheduleAppointment();
  const saving = booking.saving || rescheduling.saving;
  const error = booking.error ?? rescheduling.error;
  const clearError = () => {
    booking.clearError();
    rescheduling.clearError();
  };
  const idempotencyKey = useMemo(() => uuidv7(), []);
  const [query, setQuery] = useState('');
  const [slotPicked, setSlotPicked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [slotFocus, setSlotFocus] = useState(0);
  const bookButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  // Anything a person typed or chose here: leaving by Escape or × asks first.
  const dirty = query.trim() !== '' || creating !== null || slotPicked || notes.trim() !== '' || (patient !== null && !draft.patientId);
  exit.current.request = () => {
    if (saving) return;
    if (!dirty) return closeBooking();
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirming(true);
  };
  const keepEditing = () => {
    setConfirming(false);
    returnFocus.current?.focus();
  };
  // The next step takes the keyboard: a patient chosen → the free times (or Book, if a time is set).
  const choosePatient = (p: PatientSummary) => {
    setPatient(p);
    setCreating(null);
    if (slot) requestAnimationFrame(() => bookButton.current?.focus());
    else setSlotFocus((n) => n + 1);
  };

  // Defaults once the clinic's lists arrive: the first active type; a clicked time becomes the slot.
  useEffect(() => {
    if (!settings) return;
    const type = moving?.typeId ?? typeId ?? '';
    const chosenType = settings.appointmentTypes.find((ty) => ty.id === type) ?? settings.appointmentTypes.find((ty) => ty.active);
    if (chosenType && chosenType.id !== typeId) setTypeId(chosenType.id);
    if (!chosenType || !draft.startsAt || !draft.doctorId || slot) return;
    const doctor = settings.doctors.find((d) => d.id === draft.doctorId);
    const minutes = settings.durationOverrides.find((o) => o.doctorId === draft.doctorId && o.appointmentTypeId === chosenType.id)?.durationMinutes ?? chosenType.durationMinutes;
    setSlot({
      doctorId: draft.doctorId,
      doctorName: doctor?.displayName ?? '',
      roomId: draft.roomId ?? null,
      roomName: draft.roomId ? (settings.rooms.find((r) => r.id === draft.roomId)?.name ?? null) : null,
      startsAt: draft.startsAt,
      endsAt: new Date(Date.parse(draft.startsAt) + minutes * 60_000).toISOString(),
      durationMinutes: minutes,
    });
  }, [settings, moving, typeId, draft, slot]);

  // The patient the draft names is the chosen one (again after "Change", as before any search).
  const draftPatient = usePatient(draft.patientId).state.data;
  useEffect(() => {
    if (draftPatient && draftPatient.id === draft.patientId && !patient) setPatient(draftPatient);
  }, [draftPatient, draft.patientId, patient]);

  const patientId = moving?.patientId ?? patient?.id;
  // Is the chosen time free (doctor, room and patient)? Checked before saving; the command re-checks.
  const probeInput = useMemo(
    () =>
      slot && typeId
        ? {
            appointmentTypeId: typeId,
            doctorId: slot.doctorId,
            fromDate: instantToLocalDate(slot.startsAt, tz),
            toDate: instantToLocalDate(slot.startsAt, tz),
            limit: 100,
            ...(patientId ? { patientId } : {}),
            ...(draft.rescheduleId ? { excludeAppointmentId: draft.rescheduleId } : {}),
          }
        : null,
    [slot, typeId, tz, patientId, draft.rescheduleId],
  );
  const probe = useCommandQuery('availability.findFree', probeInput).state;
  const slotFree = probe.status === 'ready' && slot ? probe.data.slots.some((s) => s.startsAt === slot.startsAt && s.doctorId === slot.doctorId) : null;

  const save = async () => {
    // Ctrl+Enter too: nothing is sent while the check says the time is taken.
    if (!slot || !typeId || !patientId || saving || slotFree === false) return;
    clearError();
    const answer = draft.rescheduleId
      ? await rescheduling.reschedule({
          id: draft.rescheduleId,
          startsAt: slot.startsAt,
          doctorId: slot.doctorId,
          ...(slot.roomId ? { roomId: slot.roomId } : {}),
        })
      : await booking.book({
          patientId,
          doctorId: slot.doctorId,
          appointmentTypeId: typeId,
          startsAt: slot.startsAt,
          ...(slot.roomId ? { roomId: slot.roomId } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          idempotencyKey,
          ...(patient?.blocked ? { confirmBlocked: true } : {}),
        });
    if (!answer?.ok) return;
    announceAction();
    closeBooking();
    onDone(answer.value);
  };

  const title = draft.rescheduleId ? t('booking.rescheduleTitle', { patient: moving?.patientName ?? '' }) : t('booking.title');
  // A time the check found taken cannot be booked: the warning disables Book.
  const ready = Boolean(slot && typeId && patientId) && !saving && slotFree !== false;

  return (
    <form
      className="booking__form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <header className="booking__header">
        <h2 id="booking-title">{title}</h2>
        <button type="button" className="btn btn--icon" onClick={() => exit.current.request()} aria-label={t('detail.close')} title={`${t('detail.close')} (Esc)`}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="booking__body">
        {!draft.rescheduleId && (
          <section className="booking__section" aria-label={t('detail.patient')}>
            <h3>1 · {t('detail.patient')}</h3>
            {patient ? (
              <div className="chosen" data-testid="chosen-patient">
                <span>
                  <strong>
                    {patient.firstName} {patient.lastName}
                  </strong>{' '}
                  {[patient.phone, birth(patient.birthDate)].filter(Boolean).join(' · ')}
                </span>
                <button type="button" className="btn btn--small" onClick={() => setPatient(null)}>
                  {t('booking.change')}
                </button>
              </div>
            ) : creating !== null ? (
              <NewPatientForm
                initialName={creating}
                onCancel={() => setCreating(null)}
                onCreated={choosePatient}
              />
            ) : (
              <PatientPicker onPick={choosePatient} onCreateNew={setCreating} onQueryChange={setQuery} />
            )}
            {patient?.blocked && <p className="form-warning">{t('booking.blockedPatient')}</p>}
          </section>
        )}
        <section className="booking__section" aria-label={t('booking.when')}>
          <h3>{draft.rescheduleId ? '' : '2 · '}{t('booking.when')}</h3>
          {settings && (
            <FreeSlotFinder
              doctors={settings.doctors}
              types={settings.appointmentTypes}
              timeZone={tz}
              today={today}
              startDate={draft.startsAt ? instantToLocalDate(draft.startsAt, tz) : shownDate}
              focusRequest={slotFocus}
              initialFocus={Boolean(draft.rescheduleId)}
              typeId={typeId}
              onTypeChange={(id) => {
                setTypeId(id);
                setSlot(null);
              }}
              doctorId={doctorId}
              onDoctorChange={setDoctorId}
              lockType={Boolean(draft.rescheduleId)}
              {...(patientId ? { patientId } : {})}
              {...(draft.rescheduleId ? { excludeAppointmentId: draft.rescheduleId } : {})}
              selected={slot}
              onPick={(s) => {
                setSlot(s);
                setSlotPicked(true);
                clearError();
                // The time is chosen: Book is next (Enter books; Shift+Tab reaches the notes).
                requestAnimationFrame(() => bookButton.current?.focus());
              }}
              limit={9}
            />
          )}
        </section>
      </div>
      <footer className="booking__footer">
        <div className="booking__summary" data-testid="booking-summary">
          {slot ? (
            <>
              <strong>
                {formatDay(instantToLocalDate(slot.startsAt, tz), 'short')} {formatTime(slot.startsAt, tz)}–{formatTime(slot.endsAt, tz)}
              </strong>{' '}
              · {slot.doctorName}
              {slot.roomName ? ` · ${slot.roomName}` : ''}
              {slotFree === false && (
                <span className="form-warning" data-testid="slot-not-free">
                  {' '}
                  {t('booking.notFree')}
                </span>
              )}
            </>
          ) : (
            <span className="muted">{t('booking.pickSlot')}</span>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="booking-error" data-code={error.code}>
              {error.code === 'overlap' ? `${t('booking.overlapRefused')} ` : ''}
              {errText(error)}
            </p>
          )}
        </div>
        {!draft.rescheduleId && (
          <input className="input booking__notes" placeholder={t('booking.notes')} aria-label={t('booking.notes')} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
        )}
        <button type="submit" ref={bookButton} className="btn btn--primary" disabled={!ready} title="Ctrl+Enter" data-testid="booking-save">
          {saving ? t('detail.saving') : draft.rescheduleId ? t('booking.move') : t('booking.book')}
        </button>
      </footer>
      {confirming && (
        <DiscardConfirm
          onKeep={keepEditing}
          onDiscard={() => {
            setConfirming(false);
            closeBooking();
          }}
        />
      )}
    </form>
  );
}
