import { Fragment, useState } from 'react';
import { instantToLocalDate, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { TreatmentPlanDetail, TreatmentPlanStatus, TreatmentStep } from '../../../../../shared/domain/plan-types.ts';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useMoneyFormat } from '../../../hooks/use-money-format.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useAvailabilitySettings } from '../../../hooks/use-availability-settings.ts';
import { useTreatmentPlan } from '../api/use-plans.ts';
import { PLAN_ACTION_ORDER } from '../lib/status-labels.ts';
import { StepSlotPicker } from './step-slot-picker.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './treatment-plan-card.css';

interface Props {
  id: string;
  timeZone: string;
  today: IsoDate;
  onPaymentPlan(plan: TreatmentPlanDetail): void;
}

/** One treatment plan: status and its actions, progress, and the steps with booking. */
export function TreatmentPlanCard({ id, timeZone, today, onPaymentPlan }: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const errText = useErrorText();
  const f = useMoneyFormat();
  const { state } = useTreatmentPlan(id);
  const doctors = useAvailabilitySettings().state.data?.doctors ?? [];
  const setStatus = useCommandMutation('treatmentPlans.setStatus');
  const updateStep = useCommandMutation('treatmentPlans.updateStep');
  const [booking, setBooking] = useState<string | null>(null);
  const plan = state.data;
  if (!plan) return <article className="card card--loading" aria-busy="true" />;

  const open = plan.status !== 'completed' && plan.status !== 'cancelled';
  const { progress: p } = plan;
  const pct = p.stepsTotal ? Math.round((p.stepsDone / p.stepsTotal) * 100) : 0;
  const doctorName = (doctorId: string | null) => doctors.find((d) => d.id === doctorId)?.displayName ?? '—';
  const actions = PLAN_ACTION_ORDER.filter((s) => plan.allowedNext.includes(s));
  const change = (status: TreatmentPlanStatus) => void setStatus.run({ id: plan.id, status });
  const appointmentText = (s: TreatmentStep) =>
    s.appointmentStartsAt
      ? `${formatDay(instantToLocalDate(s.appointmentStartsAt, timeZone), 'short')} ${formatTime(s.appointmentStartsAt, timeZone)}`
      : '—';

  return (
    <article className="card" data-testid="treatment-plan" data-plan-id={plan.id} data-status={plan.status} aria-labelledby={`tp-${plan.id}`}>
      <header className="card__header">
        <div className="card__title">
          <h3 id={`tp-${plan.id}`}>{plan.title}</h3>
          <span className={`pill pill--tp-${plan.status}`} data-testid="tp-status">
            {t(`tp.status.${plan.status}`)}
          </span>
        </div>
        <div className="card__actions">
          {actions.map((s) => (
            <button
              key={s}
              type="button"
              className={`btn btn--small${s === 'cancelled' ? ' btn--danger-quiet' : s === 'accepted' ? ' btn--primary' : ''}`}
              disabled={setStatus.saving}
              onClick={() => change(s)}
              data-action={s}
            >
              {t(`tp.action.${s}`)}
            </button>
          ))}
          {plan.status !== 'cancelled' && (
            <button type="button" className="btn btn--small" onClick={() => onPaymentPlan(plan)} data-testid="tp-payment-plan">
              {t('tp.makePaymentPlan')}
            </button>
          )}
        </div>
      </header>
      <div className="card__meta">
        <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('tp.progress', { done: p.stepsDone, total: p.stepsTotal })}>
          <span className="progress__bar" style={{ width: `${pct}%` }} />
        </span>
        <span data-testid="tp-progress">{t('tp.progress', { done: p.stepsDone, total: p.stepsTotal })}</span>
        <span className="muted" data-testid="tp-cost">
          {t('tp.costProgress', { done: f.money(p.costDoneCents, plan.currency), total: f.money(p.costTotalCents, plan.currency) })}
        </span>
        {plan.acceptedAt && (
          <span className="muted">
            {plan.acceptedByName
              ? t('tp.acceptedOn', { date: f.date(instantToLocalDate(plan.acceptedAt, timeZone)), who: plan.acceptedByName })
              : t('tp.acceptedOnNobody', { date: f.date(instantToLocalDate(plan.acceptedAt, timeZone)) })}
          </span>
        )}
      </div>
      {(setStatus.error ?? updateStep.error) && (
        <p className="form__error" role="alert">
          {t('tp.stepError', { message: errText((setStatus.error ?? updateStep.error)!) })}
        </p>
      )}
      <table className="table steps">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('tp.procedure')}</th>
            <th>{t('tp.tooth')}</th>
            <th>{t('tp.doctor')}</th>
            <th className="num">{t('tp.cost')}</th>
            <th className="num">{t('tp.minutes')}</th>
            <th>{t('tp.colStatus')}</th>
            <th>{t('tp.colAppointment')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {plan.steps.map((s) => (
            <Fragment key={s.id}>
              <tr data-testid="tp-step" data-step-status={s.status} className={s.status === 'cancelled' ? 'row--muted' : undefined}>
                <td className="num">{s.position}</td>
                <td>{s.procedure}</td>
                <td>{s.tooth ?? '—'}</td>
                <td>{doctorName(s.doctorId)}</td>
                <td className="num">{f.money(s.estimatedCostCents, plan.currency)}</td>
                <td className="num">{s.expectedMinutes}</td>
                <td>
                  <span className={`pill pill--step-${s.status}`}>{t(`tp.step.${s.status}`)}</span>
                </td>
                <td>{appointmentText(s)}</td>
                <td className="steps__tools">
                  {open && s.status === 'planned' && (
                    <button type="button" className="btn btn--small" onClick={() => setBooking(booking === s.id ? null : s.id)} aria-expanded={booking === s.id} data-testid="book-step">
                      {t('tp.book')}
                    </button>
                  )}
                  {open && s.status === 'planned' && (
                    <button type="button" className="btn btn--small btn--quiet" disabled={updateStep.saving} onClick={() => void updateStep.run({ stepId: s.id, status: 'cancelled' })}>
                      {t('tp.skipStep')}
                    </button>
                  )}
                  {open && s.status === 'cancelled' && (
                    <button type="button" className="btn btn--small btn--quiet" disabled={updateStep.saving} onClick={() => void updateStep.run({ stepId: s.id, status: 'planned' })}>
                      {t('tp.restoreStep')}
                    </button>
                  )}
                </td>
              </tr>
              {booking === s.id && (
                <tr className="steps__booking">
                  <td colSpan={9}>
                    <StepSlotPicker step={s} patientId={plan.patientId} timeZone={timeZone} today={today} onClose={() => setBooking(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </article>
  );
}
