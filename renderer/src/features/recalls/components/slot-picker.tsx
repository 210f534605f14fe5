import { useRef, useState } from 'react';
import type { AvailableSlot } from '../../../../../shared/domain/booking-types.ts';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { uuidv7 } from '../../../../../shared/domain/ids.ts';
import type { RecallQueueContact } from '../../../../../shared/domain/recall-types.ts';
import { SlotPicker } from '../../../components/slot-picker.tsx';
import { useBookAppointment } from '../../../data/appointment-writes.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import { useRecallTypes } from '../api/use-recall-data.ts';

interface Props {
  contact: RecallQueueContact;
  recallTypeId: string | null;
  today: IsoDate;
  timeZone: string;
  onBooked(appointmentId: string): void;
  onClose(): void;
}

/**
 * Booking while on the phone: the shared slot picker, starting from the recall's own types; the
 * first free time takes the keyboard, so Enter books it.
 */
export function RecallSlotPicker({ contact, recallTypeId, today, timeZone, onBooked, onClose }: Props) {
  const { t } = useI18n();
  const errText = useErrorText();
  const recallType = useRecallTypes().state.data?.find((r) => r.id === recallTypeId) ?? null;
  const booking = useBookAppointment();
  const [error, setError] = useState<string | null>(null);
  const idempotencyKey = useRef(uuidv7());

  const book = async (slot: AvailableSlot, appointmentTypeId: string) => {
    setError(null);
    const answer = await booking.book({
      patientId: contact.patientId,
      doctorId: slot.doctorId,
      appointmentTypeId,
      startsAt: slot.startsAt,
      ...(slot.roomId ? { roomId: slot.roomId } : {}),
      idempotencyKey: idempotencyKey.current,
    });
    if (!answer) return;
    if (answer.ok) onBooked(answer.value.id);
    else setError(t('recalls.actionError', { message: errText(answer.error) }));
  };

  return (
    <SlotPicker
      patientId={contact.patientId}
      today={today}
      timeZone={timeZone}
      label={t('book.title', { name: contact.name })}
      heading
      preferredTypeIds={recallType?.appointmentTypeIds ?? []}
      limit={24}
      busy={booking.saving}
      error={error}
      focusFirst
      onPick={(slot, typeId) => void book(slot, typeId)}
      onClose={onClose}
    />
  );
}
