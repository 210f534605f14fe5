import type { ClinicApp } from '../electron/app.ts';
import type { RecallType } from '../shared/domain/recall-types.ts';
import type { Bench } from './context.ts';
import { round, timeMs } from './stats.ts';

/**
 * campaign_preview_ms: the median time of `recalls.preview` {sample: false} (the live count) through
 * app.invoke (campaign_preview_sample_ms: with the 50-row sample), for a typical recall campaign: cleaning patients overdue, no future appointment,
 * plus two other common shapes so one lucky query plan cannot hide a slow one. Goal < 300 ms at
 * 200k patients / 1M appointments.
 */
export interface CampaignPreviewOptions {
  runs?: number;
  log?: (line: string) => void;
}

async function invoke<T>(app: ClinicApp, name: string, input: unknown): Promise<T> {
  const res = await app.invoke(name, input);
  if (!res.ok) throw new Error(`${name} failed: ${res.error.message}`);
  return res.value as T;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchCampaignPreview(app: ClinicApp, options: CampaignPreviewOptions = {}) {
  const runs = Math.max(3, options.runs ?? 7);
  // Bench code reads the demo DB directly to pick an appointment type (not app code).
  const type = app.db
    .prepare(`SELECT id FROM appointment_types WHERE deleted_at IS NULL ORDER BY name = 'Cleaning' DESC, id LIMIT 1`)
    .get() as { id: string } | undefined;
  if (!type) throw new Error('benchCampaignPreview: the database has no appointment type');
  const types = await invoke<RecallType[]>(app, 'recalls.types.list', {});
  const rule =
    types.find((t) => t.name === 'Bench cleaning') ??
    (await invoke<RecallType>(app, 'recalls.types.create', {
      name: 'Bench cleaning',
      intervalMonths: 6,
      basis: 'appointment_types',
      appointmentTypeIds: [type.id],
    }));
  const shapes = [
    { recallTypeId: rule.id, criteria: { due: { kind: 'overdue', days: 0 }, noFutureAppointment: true } },
    { recallTypeId: rule.id, criteria: { due: { kind: 'overdue', days: 30 }, ageMin: 18, ageMax: 70 } },
    { criteria: { lastVisitBefore: '2026-01-01', noFutureAppointment: true } },
  ];
  const per: number[] = [];
  let count = 0;
  const withSample: number[] = [];
  const measure = async (input: object) => {
    await invoke(app, 'recalls.preview', input); // warm-up: statement compiled, pages cached
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(await timeMs(async () => (count = (await invoke<{ count: number }>(app, 'recalls.preview', input)).count)));
    }
    return median(times);
  };
  for (const shape of shapes) {
    per.push(await measure({ ...shape, sample: false }));
    withSample.push(await measure(shape));
    options.log?.(`recalls.preview ${JSON.stringify(shape.criteria)}: ${count} patients, count ${per.at(-1)!.toFixed(1)} ms, with sample ${withSample.at(-1)!.toFixed(1)} ms`);
  }
  // The live count is the figure with the goal; the 50-row sample is fetched when the user pauses.
  return { campaign_preview_ms: round(Math.max(...per)), campaign_preview_sample_ms: round(Math.max(...withSample)) };
}

/** The same figure as a Bench entry, for bench/run.ts's BENCHES list. */
export const campaignPreviewBench: Bench = {
  name: 'campaign-preview',
  run: (ctx) => benchCampaignPreview(ctx.app, { log: ctx.log }),
};
