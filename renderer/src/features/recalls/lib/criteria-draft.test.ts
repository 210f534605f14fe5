import { describe, expect, it } from 'vitest';
import { RecallCriteriaSchema } from '../../../../../shared/domain/recall-criteria.ts';
import { CampaignCreateSchema } from '../../../../../shared/recall-schemas.ts';
import { draftToCampaign, draftToCriteria, emptyDraft } from './criteria-draft.ts';

const TYPE = '01900000-0000-7000-8000-0000000000aa';
const DOCTOR = '01900000-0000-7000-8000-0000000000bb';

describe('criteria draft', () => {
  it('turns an empty form into "no future appointment" only', () => {
    expect(draftToCriteria(emptyDraft())).toEqual({ noFutureAppointment: true });
  });

  it('drops due-date conditions when no recall type is chosen', () => {
    const d = { ...emptyDraft(), dueMode: 'overdue' as const, overdueDays: '30' };
    expect(draftToCriteria(d).due).toBeUndefined();
    expect(draftToCriteria({ ...d, recallTypeId: TYPE }).due).toEqual({ kind: 'overdue', days: 30 });
  });

  it('keeps a window only when both ends are set', () => {
    const d = { ...emptyDraft(), recallTypeId: TYPE, dueMode: 'window' as const, dueFrom: '2026-12-01' as const };
    expect(draftToCriteria(d).due).toBeUndefined();
    expect(draftToCriteria({ ...d, dueTo: '2026-12-31' }).due).toEqual({ kind: 'window', from: '2026-12-01', to: '2026-12-31' });
  });

  it('ignores half-typed numbers and splits treatments on commas', () => {
    const c = draftToCriteria({ ...emptyDraft(), ageMin: '1x', ageMax: ' 65 ', procedures: ' Filling, ,Crown ', doctorId: DOCTOR });
    expect(c).toEqual({ ageMax: 65, procedures: ['Filling', 'Crown'], doctorId: DOCTOR, noFutureAppointment: true });
    expect(RecallCriteriaSchema.safeParse(c).success).toBe(true);
  });

  it('builds a campaign input the command schema accepts', () => {
    const input = draftToCampaign({ ...emptyDraft(), name: ' December ', recallTypeId: TYPE, dueMode: 'overdue', maxAttempts: '' });
    expect(input).toMatchObject({ name: 'December', recallTypeId: TYPE, attemptSpacingHours: 24 });
    expect(input).not.toHaveProperty('maxAttempts');
    expect(CampaignCreateSchema.safeParse(input).success).toBe(true);
  });
});
