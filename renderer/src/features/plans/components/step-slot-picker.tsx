import { useState } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { TreatmentStep } from '../../../../../shared/domain/plan-types.ts';
import type { AvailableSlot } from '../../../../../shared/domain/booking-types.ts';
import { SlotPicker } from '../../../components/slot-picker.tsx';
import { useBookAppointment } from '../../../data/appointment-writes.ts';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useErrorText } from '../../../i18n/error-text.ts';

interface Props {
  step: TreatmentStep;
  patientId: string;
  timeZone: string;
  today: IsoDate;
  onClose(): void;
}

/** Books one step: a free time for the step's type and doctor, booked and linked to the step. */
export function StepSlotPicker({ step, patientId, timeZone, today, onClose }: Props) {
  const { t } = useI18n();
  const errText = useErrorText();
  const booking = useBookAppointment();
  const link = useCommandMutation('treatmentPlans.linkAppointment');
  const [error, setError] = useState<string | null>(null);

  const book = async (slot: AvailableSlot, appointmentTypeId: string) => {
    setError(null);
    const booked = await booking.book({
      patientId,
      doctorId: slot.doctorId,
      appointmentTypeId,
      startsAt: slot.startsAt,
      ...(slot.roomId ? { roomId: slot.roomId } : {}),
      notes: step.tooth ? `${step.procedure} (${step.tooth})` : step.procedure,
      idempotencyKey: `step-${step.id}-${slot.startsAt}`,
    });
    if (!booked) return;
    const linked = booked.ok ? await link.run({ stepId: step.id, appointmentId: booked.value.id }) : booked;
    if (!linked) return;
    if (!linked.ok) setError(t('slot.error', { message: errText(linked.error) }));
    else onClose();
  };

  return (
    <SlotPicker
      patientId={patientId}
      today={today}
      timeZone={timeZone}
      label={t('tp.bookStep', { procedure: step.procedure })}
      preferredTypeIds={[step.appointmentTypeId]}
      initialDoctorId={step.doctorId}
      limit={12}
      busy={booking.saving || link.saving}
      error={error}
      onPick={(slot, typeId) => void book(slot, typeId)}
      onClose={onClose}
    />
  );
}
