import { Fragment, useState } from 'react';
import type { AvailabilitySettings } from '../../../../../shared/domain/availability-admin-types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useSaveAppointmentType } from '../api/availability-writes.ts';
import { useGuardedWrite } from '../hooks/use-guarded-write.ts';
import { DurationOverrides } from './duration-overrides.tsx';
import { TypeForm, draftOf } from './type-form.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './types-editor.css';

/** Appointment types (name, default duration, colour, active) and each one's per-doctor durations. */
export function TypesEditor({ settings }: { settings: AvailabilitySettings }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const [editing, setEditing] = useState<string | null>(null);
  const [durationsOf, setDurationsOf] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const saveType = useSaveAppointmentType();
  const write = useGuardedWrite();
  const others = (id?: string) => settings.appointmentTypes.filter((ty) => ty.id !== id).map((ty) => ty.name);

  return (
    <div className="editor" data-testid="types-editor">
      <h3>{t('avail.types')}</h3>
      {write.error && !['name', 'durationMinutes', 'color'].includes(write.error.field ?? '') && (
        <p className="form-error" role="alert" data-testid="editor-error">
          {errText(write.error)}
        </p>
      )}
      <table className="types">
        <thead>
          <tr>
            <th scope="col">{t('avail.name')}</th>
            <th scope="col">{t('avail.defaultMinutes')}</th>
            <th scope="col">{t('avail.perDoctor')}</th>
            <th scope="col">
              <span className="sr-only">{t('avail.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.appointmentTypes.map((ty) => {
            const overrides = settings.durationOverrides.filter((o) => o.appointmentTypeId === ty.id).length;
            return (
              <Fragment key={ty.id}>
                <tr className={ty.active ? '' : 'is-inactive'} data-testid="type-row" data-type-id={ty.id}>
                  {editing === ty.id ? (
                    <td colSpan={4}>
                      <TypeForm
                        id={`type-${ty.id}`}
                        initial={draftOf(ty)}
                        takenNames={others(ty.id)}
                        serverError={write.error}
                        busy={write.busy}
                        submitLabel={t('avail.save')}
                        onCancel={() => setEditing(null)}
                        onSubmit={(v) => void write.run(() => saveType({ id: ty.id, ...v })).then((ok) => ok && setEditing(null))}
                      />
                    </td>
                  ) : (
                    <>
                      <td>
                        <span className="types__swatch" style={{ background: ty.color }} aria-hidden="true" />
                        {ty.name}
                        {!ty.active && <span className="badge badge--muted">{t('avail.inactive')}</span>}
                      </td>
                      <td>{t('avail.minutesShort', { n: ty.durationMinutes })}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-expanded={durationsOf === ty.id}
                          onClick={() => setDurationsOf(durationsOf === ty.id ? null : ty.id)}
                          data-testid="toggle-durations"
                        >
                          {overrides ? t('avail.overridesCount', { n: overrides }) : t('avail.perDoctorDurations')}
                        </button>
                      </td>
                      <td className="types__actions">
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => {
                            write.reset();
                            setEditing(ty.id);
                          }}
                          aria-label={t('avail.editNamed', { name: ty.name })}
                        >
                          {t('avail.editRow')}
                        </button>
                      </td>
                    </>
                  )}
                </tr>
                {durationsOf === ty.id && (
                  <tr className="types__durations">
                    <td colSpan={4}>
                      <DurationOverrides type={ty} settings={settings} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {adding ? (
        <section className="types__new" aria-label={t('avail.addType')}>
          <h4>{t('avail.addType')}</h4>
          <TypeForm
            id="type-new"
            initial={draftOf()}
            takenNames={others()}
            serverError={editing === null ? write.error : null}
            busy={write.busy}
            submitLabel={t('avail.add')}
            onCancel={() => setAdding(false)}
            onSubmit={(v) => void write.run(() => saveType(v)).then((ok) => ok && setAdding(false))}
          />
        </section>
      ) : (
        <button
          type="button"
          className="btn"
          onClick={() => {
            write.reset();
            setEditing(null);
            setAdding(true);
          }}
          data-testid="add-type"
        >
          + {t('avail.addType')}
        </button>
      )}
      {write.saved && (
        <p className="muted" role="status">
          {t('avail.saved')}
        </p>
      )}
    </div>
  );
}
