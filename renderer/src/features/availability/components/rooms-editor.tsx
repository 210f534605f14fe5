import { useState, type FormEvent } from 'react';
import type { AvailabilitySettings, RoomView } from '../../../../../shared/domain/availability-admin-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useSaveRoom } from '../api/availability-writes.ts';
import { bareMessage, useGuardedWrite } from '../hooks/use-guarded-write.ts';
import { FieldError } from './field-error.tsx';
import { OrphanWarning } from './orphan-warning.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';

const MAX_NAME = 60;

/** Rooms: add, rename, deactivate (future bookings in the room are listed first) and reactivate. */
export function RoomsEditor({ settings }: { settings: AvailabilitySettings }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const saveRoom = useSaveRoom();
  const write = useGuardedWrite();

  const check = (value: string, id?: string) => {
    const v = value.trim();
    if (!v) return t('avail.err.required');
    if (v.length > MAX_NAME) return t('avail.err.tooLong', { max: MAX_NAME });
    if (settings.rooms.some((r) => r.id !== id && r.name.toLowerCase() === v.toLowerCase())) return t('avail.err.nameTaken');
    return null;
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const problem = check(name);
    setNameError(problem);
    if (problem) return;
    if (await write.run(() => saveRoom({ name: name.trim() }))) setName('');
  };
  const serverNameError = write.error?.field === 'name' ? bareMessage(write.error) : null;

  return (
    <div className="editor" data-testid="rooms-editor">
      <h3>{t('avail.rooms')}</h3>
      <p className="muted editor__hint">{t('avail.roomsHint')}</p>
      <OrphanWarning write={write} timeZone={settings.timeZone} />
      {write.error && write.error.field !== 'name' && (
        <p className="form-error" role="alert" data-testid="editor-error">
          {errText(write.error)}
        </p>
      )}
      <ul className="editor__rows" aria-label={t('avail.rooms')}>
        {settings.rooms.map((r) => (
          <RoomRow key={`${r.id}:${r.name}`} room={r} check={check} write={write} />
        ))}
        {settings.rooms.length === 0 && <li className="muted">{t('avail.noneYet')}</li>}
      </ul>
      <form className="editor__add" onSubmit={(e) => void add(e)} noValidate data-testid="add-room">
        <label className={`field${nameError || serverNameError ? ' field--error' : ''}`}>
          <span>{t('avail.newRoom')}</span>
          <input
            className="input"
            name="name"
            value={name}
            maxLength={MAX_NAME + 20}
            aria-invalid={Boolean(nameError || serverNameError)}
            aria-describedby="new-room-error"
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
            }}
          />
          <FieldError id="new-room-error" message={nameError ?? serverNameError} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={write.busy}>
          {t('avail.addRoom')}
        </button>
        {write.saved && (
          <span className="muted" role="status">
            {t('avail.saved')}
          </span>
        )}
      </form>
    </div>
  );
}

function RoomRow({ room, check, write }: { room: RoomView; check: (v: string, id?: string) => string | null; write: ReturnType<typeof useGuardedWrite> }) {
  const { t } = useI18n();
  const [name, setName] = useState(room.name);
  const [error, setError] = useState<string | null>(null);
  const errorId = `room-${room.id}-error`;
  const dirty = name.trim() !== room.name;
  const saveRoom = useSaveRoom();

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    const problem = check(name, room.id);
    setError(problem);
    if (problem || !dirty) return;
    await write.run(() => saveRoom({ id: room.id, name: name.trim() }));
  };
  const setActive = (active: boolean) =>
    write.run((confirmOrphans) => saveRoom({ id: room.id, name: room.name, active, ...(confirmOrphans ? { confirmOrphans } : {}) }));

  return (
    <li className={room.active ? '' : 'is-inactive'} data-testid="room-row" data-room-id={room.id}>
      <form className="editor__row" onSubmit={(e) => void rename(e)} noValidate>
        <label className={`field${error ? ' field--error' : ''}`}>
          <span className="sr-only">{t('avail.name')}</span>
          <input
            className="input"
            name="name"
            value={name}
            aria-label={t('avail.roomName', { name: room.name })}
            aria-invalid={Boolean(error)}
            aria-describedby={errorId}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <FieldError id={errorId} message={error} />
        </label>
        <button type="submit" className="btn btn--small" disabled={!dirty || write.busy}>
          {t('avail.rename')}
        </button>
        {!room.active && <span className="badge badge--muted">{t('avail.inactive')}</span>}
        <button type="button" className="btn btn--small" disabled={write.busy} onClick={() => void setActive(!room.active)}>
          {room.active ? t('avail.deactivate') : t('avail.reactivate')}
        </button>
      </form>
    </li>
  );
}
