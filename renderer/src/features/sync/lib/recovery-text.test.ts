import { describe, expect, it } from 'vitest';
import { translate } from '../../../../../shared/i18n/index.ts';
import { recoveryText } from './recovery-text.ts';

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const es = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('es', key, params);
const kept = '/data/clinic-desk.db.damaged-2026-11-23T10-00-00-000Z';
const file = '/data/backups/2026-11-23T10-00-00-000Z.unsynced.json';

describe('recoveryText', () => {
  it('says what happened, where the unsynced changes went and where the damaged file is', () => {
    expect(recoveryText(en, { exportFile: file, changes: 3, requeued: 3, keptFile: kept })).toBe(
      `This desk's database was damaged and has been rebuilt from the server. Your 3 unsynced changes were saved to ${file} and queued again. The damaged file was kept as ${kept}.`,
    );
    expect(recoveryText(es, { exportFile: file, changes: 3, requeued: 3, keptFile: kept })).toContain(`Sus 3 cambios sin sincronizar se guardaron en ${file}`);
  });

  it('counts the changes that were not queued again', () => {
    expect(recoveryText(en, { exportFile: file, changes: 4, requeued: 1, keptFile: kept })).toContain(`saved to ${file}: 4. Queued again: 1`);
    expect(recoveryText(en, { exportFile: file, changes: 1, requeued: 1, keptFile: kept })).toContain('Your 1 unsynced change was saved');
  });

  it('says honestly when nothing could be read or nothing was unsynced', () => {
    const unreadable = recoveryText(en, { exportFile: null, changes: 0, requeued: 0, keptFile: kept });
    expect(unreadable).toContain('could not be saved');
    expect(unreadable).toContain(kept);
    expect(recoveryText(en, { exportFile: file, changes: 0, requeued: 0, keptFile: kept })).toContain('It had no unsynced changes.');
  });
});
