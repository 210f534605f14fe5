import { RecallCriteriaSchema } from '../../../shared/domain/recall-criteria.ts';
import type { CampaignStatus, RecallCampaign } from '../../../shared/domain/recall-types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

interface CampaignRow {
  id: string;
  name: string;
  recall_type_id: string | null;
  recall_type_name: string | null;
  criteria: string;
  status: CampaignStatus;
  max_attempts: number;
  attempt_spacing_hours: number;
  activated_at: string | null;
  closed_at: string | null;
  updated_at: string;
  total: number;
  open: number;
  done: number;
  booked: number;
}

const SELECT = `
  SELECT c.id, c.name, c.recall_type_id, t.name AS recall_type_name, c.criteria, c.status, c.max_attempts,
         c.attempt_spacing_hours, c.activated_at, c.closed_at, c.updated_at,
         (SELECT count(*) FROM recall_contacts k WHERE k.campaign_id = c.id AND k.deleted_at IS NULL) AS total,
         (SELECT count(*) FROM recall_contacts k WHERE k.campaign_id = c.id AND k.deleted_at IS NULL AND k.status = 'open') AS open,
         (SELECT count(*) FROM recall_contacts k WHERE k.campaign_id = c.id AND k.deleted_at IS NULL AND k.status = 'done') AS done,
         (SELECT count(*) FROM recall_contacts k WHERE k.campaign_id = c.id AND k.deleted_at IS NULL
            AND k.booked_appointment_id IS NOT NULL) AS booked
  FROM recall_campaigns c
  LEFT JOIN recall_types t ON t.id = c.recall_type_id`;

function toCampaign(r: CampaignRow): RecallCampaign {
  let criteria: unknown = {};
  try {
    criteria = JSON.parse(r.criteria);
  } catch {
    criteria = {};
  }
  // A row synced from a newer desk may carry criteria this version does not know: show it as empty.
  const parsed = RecallCriteriaSchema.safeParse(criteria);
  return {
    id: r.id,
    name: r.name,
    recallTypeId: r.recall_type_id,
    recallTypeName: r.recall_type_name,
    criteria: parsed.success ? parsed.data : {},
    status: r.status,
    maxAttempts: r.max_attempts,
    attemptSpacingHours: r.attempt_spacing_hours,
    activatedAt: r.activated_at,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
    counts: { total: r.total, open: r.open, done: r.done, booked: r.booked },
  };
}

export function listCampaigns(db: ReadDb, clinicId: string): RecallCampaign[] {
  return stmt<CampaignRow>(
    db,
    `${SELECT} WHERE c.clinic_id = ? AND c.deleted_at IS NULL
     ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, c.id DESC`,
  )
    .all(clinicId)
    .map(toCampaign);
}

export function getCampaign(db: ReadDb, clinicId: string, id: string): RecallCampaign | null {
  const row = stmt<CampaignRow>(db, `${SELECT} WHERE c.id = ? AND c.clinic_id = ? AND c.deleted_at IS NULL`).get(id, clinicId);
  return row ? toCampaign(row) : null;
}
