import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { instantToLocalDate } from '../../../../../shared/domain/clinic-time.ts';
import type { AppointmentStatus } from '../../../../../shared/domain/appointment-status.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PatientMoneySummary } from '../../../components/patient-money-summary.tsx';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { useAppointmentDetail, useCancelAppointment, useSetAppointmentStatus } from '../api/use-appointment-detail.ts';
import { STATUS_ICON } from '../lib/status-cue.ts';
import { statusRefusalText } from '../lib/status-refusal.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import './appointment-panel.css';

interface Props {
  id: string;
  timeZone: string;
  onClose(): void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="panel__field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Side panel with one appointment's details and buttons for the statuses it may move to. */
export function AppointmentPanel({ id, timeZone, onClose }: Props) {
  const i18n = useI18n();
  const { t, formatTime, formatDay } = i18n;
  const errText = useErrorText();
  const { state } = useAppointmentDetail(id);
  const { setStatus, saving, error, clearError } = useSetAppointmentStatus();
  const cancel = useCancelAppointment();
  const openBooking = useBookingUi((s) => s.openBooking);
  const announceAction = useBookingUi((s) => s.announceAction);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // A no-show is final: it is asked first, and only the dialog's own button goes ahead.
  const [askNoShow, setAskNoShow] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    setReason('');
    setAskNoShow(false);
    clearError();
  }, [id, clearError]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !askNoShow) {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    // ↓/↑ walk the actions from anywhere in the panel (the heading has the focus when it opens),
    // so each action is a few keys away; in the reason box the arrows stay with the text.
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey && !e.ctrlKey && !e.metaKey) {
      const inText = e.target instanceof HTMLInputElement && e.target.type === 'text' && e.target.value !== '';
      if (inText) return;
      const items = [...e.currentTarget.querySelectorAll<HTMLElement>('.panel__actions button:not(:disabled), .panel__actions input')];
      if (items.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = at < 0 ? (e.key === 'ArrowDown' ? 0 : items.length - 1) : (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };

  const detail = state.data && state.data.id === id ? state.data : null;
  const none = t('detail.none');
  const change = async (status: AppointmentStatus) => {
    setCancelError(null);
    if (status === 'cancelled') {
      // Cancelling always keeps a reason (appointments.cancel requires one).
      const answer = await cancel.run({ id, reason: reason.trim() });
      if (!answer) return;
      if (answer.ok) {
        setReason('');
        announceAction();
      } else setCancelError(errText(answer.error, false));
      return;
    }
    if (await setStatus(id, status)) announceAction();
  };

  // Every way to a status goes through here: a no-show (final) is asked first.
  const request = (status: AppointmentStatus) => (status === 'no_show' ? setAskNoShow(true) : void change(status));

  return (
    <aside className="panel" aria-labelledby="panel-title" onKeyDown={onKeyDown} data-testid="appointment-panel">
      <header className="panel__header">
        <h2 id="panel-title" ref={heading} tabIndex={-1}>
          {detail ? detail.patientName : t('detail.title')}
        </h2>
        <button type="button" className="btn btn--icon" onClick={onClose} aria-label={t('detail.close')} title={`${t('detail.close')} (Esc)`}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {!detail && state.status === 'loading' && <p className="panel__note">{t('detail.loading')}</p>}
      {!detail && state.status === 'error' && (
        <p className="panel__error" role="alert">
          {t('detail.error', { message: errText(state.error) })}
        </p>
      )}
      {detail && (
        <>
          <p className={`status-pill status-pill--${detail.status}`} data-testid="panel-status">
            <span aria-hidden="true">{STATUS_ICON[detail.status]}</span> {t(`status.${detail.status}`)}
          </p>
          <dl className="panel__fields">
            <Field label={t('detail.patient')}>
              {detail.patient.firstName} {detail.patient.lastName}
            </Field>
            <Field label={t('detail.phone')}>
              {detail.patient.phone ? <a href={`tel:${detail.patient.phone}`}>{detail.patient.phone}</a> : none}
            </Field>
            <Field label={t('detail.doctor')}>{detail.doctorName}</Field>
            <Field label={t('detail.room')}>{detail.roomName ?? none}</Field>
            <Field label={t('detail.type')}>{detail.typeName ?? t('schedule.noType')}</Field>
            <Field label={t('detail.time')}>
              {formatDay(instantToLocalDate(detail.startsAt, timeZone), 'short')}
              {', '}
              {formatTime(detail.startsAt, timeZone)}–{formatTime(detail.endsAt, timeZone)}
            </Field>
            <Field label={t('detail.notes')}>{detail.notes ?? none}</Field>
            {detail.cancelReason && <Field label={t('detail.cancelReason')}>{detail.cancelReason}</Field>}
          </dl>
          <PatientMoneySummary patientId={detail.patientId} withLink compact />
          <section className="panel__actions" aria-label={t('detail.actions')} aria-keyshortcuts="ArrowDown ArrowUp">
            <h3>{t('detail.actions')}</h3>
            {detail.allowedNext.length === 0 && <p className="panel__note">{t('detail.noActions')}</p>}
            {detail.allowedNext.includes('cancelled') && (
              <label className="panel__reason">
                <span>{t('detail.cancelReasonRequired')}</span>
                <input
                  type="text"
                  value={reason}
                  maxLength={500}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="cancel-reason"
                  aria-invalid={cancelError !== null}
                />
              </label>
            )}
            <div className="panel__buttons">
              {detail.allowedNext.map((s) => (
                <button
                  key={s}
                  type="button"
                  className={`btn btn--status btn--${s}`}
                  disabled={saving || (s === 'cancelled' && reason.trim() === '')}
                  onClick={() => request(s)}
                  data-status={s}
                >
                  <span aria-hidden="true">{STATUS_ICON[s]}</span> {t(`action.${s}`)}
                </button>
              ))}
            </div>
            {(detail.status === 'scheduled' || detail.status === 'confirmed') && (
              <button
                type="button"
                className="btn panel__move"
                onClick={() => openBooking({ rescheduleId: detail.id, appointmentTypeId: detail.typeId ?? undefined })}
                data-testid="reschedule"
              >
                {t('booking.reschedule')}
              </button>
            )}
            {cancelError && (
              <p className="panel__error" role="alert" data-testid="cancel-error">
                {cancelError}
              </p>
            )}
            <p className="panel__note" role="status">
              {saving ? t('detail.saving') : ''}
            </p>
            {error && (
              <p className="panel__error" role="alert" data-testid="status-error" data-code={error.code}>
                {statusRefusalText(error, i18n, timeZone) ?? t('detail.saveError', { message: errText(error) })}
              </p>
            )}
          </section>
          {askNoShow && (
            <ConfirmDialog
              title={t('noShow.title')}
              body={t('noShow.body', {
                patient: detail.patientName,
                day: formatDay(instantToLocalDate(detail.startsAt, timeZone), 'short'),
                time: formatTime(detail.startsAt, timeZone),
              })}
              confirmLabel={t('noShow.confirm')}
              keepLabel={t('noShow.keep')}
              danger
              testId="no-show-confirm"
              onKeep={() => setAskNoShow(false)}
              onConfirm={() => {
                setAskNoShow(false);
                void change('no_show');
              }}
            />
          )}
        </>
      )}
    </aside>
  );
}
