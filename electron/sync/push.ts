/**
 * Push: sends the outbox in write order and records each answer in one local transaction.
 * applied → the row takes the server version, the outbox entry goes; conflict / rejected → the
 * server's truth is restored, the attempt (and the later changes of that row built on it) moves
 * to "needs attention" with an audit row, so it never blocks the mutations behind it.
 */
import type { WriteDb } from '../db/database.ts';
import { appendAuditRow } from '../db/write/audit-row.ts';
import { asStored } from '../db/write/mutation-writer.ts';
import { inSyncTransaction } from '../db/write/sync-transaction.ts';
import { insertAttention } from '../db/repos/needs-attention.ts';
import { getSyncState, saveSyncState } from '../db/repos/sync-state.ts';
import {
  type OutboxRow,
  deleteOutbox,
  getOutbox,
  laterMutationsOfRow,
  nextPushBatch,
  noteAttempt,
  rebaseLaterMutations,
} from '../db/repos/sync-outbox.ts';
import {
  deleteLocalRow,
  getLocalRow,
  normaliseServerRow,
  setAcknowledgedVersion,
  upsertRow,
} from '../db/repos/sync-rows.ts';
import { type PushResult, type SyncTransport, TransportError, type WireMutation } from './transport.ts';

export interface PushContext {
  db: WriteDb;
  transport: SyncTransport;
  serverUrl: string;
  deskId: () => string | null;
  now: () => Date;
  batchSize: number;
}

export interface PushRound {
  sent: number;
  applied: number;
  refused: number;
  changedTables: Set<string>;
}

const MESSAGES: Record<string, string> = {
  overlap_doctor: 'The doctor already has an appointment at that time (booked from another desk).',
  overlap_room: 'The room is already taken at that time (booked from another desk).',
  overlap_patient: 'The patient already has another appointment at that time.',
  slot_taken: 'That time is no longer free.',
  forbidden: 'Your role may not make this change.',
  not_found: 'The record no longer exists on the server.',
  missing_reference: 'It refers to a record the server does not have.',
  duplicate: 'The same record already exists on the server.',
  invalid: 'The server found the change invalid.',
  server_error: 'The server cannot process this change.',
};

function wire(m: OutboxRow): WireMutation {
  return {
    id: m.id,
    table: m.table_name,
    row_id: m.row_id,
    op: m.op,
    changes: asStored(JSON.parse(m.changes) as Record<string, unknown>),
    base_version: m.base_version,
  };
}

/** One batch; answers null when the outbox is empty. A single poisoned batch shrinks to one. */
export async function pushBatch(ctx: PushContext, size = ctx.batchSize): Promise<PushRound | null> {
  const batch = nextPushBatch(ctx.db, size);
  if (batch.length === 0) return null;
  let results: PushResult[];
  try {
    results = await ctx.transport.push(batch.map(wire));
  } catch (err) {
    if (!(err instanceof TransportError) || err.kind !== 'bad_request') throw err;
    // The whole call was refused: find the one mutation that causes it, then park it.
    if (batch.length > 1) return pushBatch(ctx, 1);
    const m = batch[0]!;
    noteAttempt(ctx.db, m.id, err.message);
    const server = await fetchServerRows(ctx, [m]);
    const round = { sent: 1, applied: 0, refused: 1, changedTables: new Set<string>([m.table_name]) };
    inSyncTransaction(ctx.db, () => refuse(ctx, m, 'server_error', err.message, server.get(key(m)) ?? undefined));
    return round;
  }
  const byId = new Map(results.map((r) => [r.id, r]));
  // Rejected changes of existing rows need the server's current row to restore its truth.
  const toFetch = batch.filter((m) => byId.get(m.id)?.status === 'rejected' && m.op !== 'insert');
  const server = toFetch.length > 0 ? await fetchServerRows(ctx, toFetch) : new Map<string, Record<string, unknown> | null>();
  const round: PushRound = { sent: batch.length, applied: 0, refused: 0, changedTables: new Set() };
  inSyncTransaction(ctx.db, () => {
    for (const sent of batch) {
      const r = byId.get(sent.id);
      const m = getOutbox(ctx.db, sent.id);
      if (!r || !m) continue; // unanswered (retried next round) or resolved meanwhile
      if (r.status === 'applied') {
        deleteOutbox(ctx.db, m.id);
        setAcknowledgedVersion(ctx.db, m.table_name, m.row_id, r.version!);
        rebaseLaterMutations(ctx.db, m.table_name, m.row_id, m.seq, r.version!);
        round.applied++;
        continue;
      }
      round.refused++;
      round.changedTables.add(m.table_name);
      if (r.status === 'conflict') {
        const row = r.row ?? null;
        const deleted = row && row.deleted_at;
        refuse(
          ctx,
          m,
          'conflict',
          deleted ? `This ${label(m.table_name)} was deleted on another desk.` : `This ${label(m.table_name)} was changed on another desk first.`,
          row,
        );
      } else {
        const reason = r.reason ?? 'invalid';
        const fetched = m.op === 'insert' ? null : (server.get(key(m)) ?? null);
        refuse(ctx, m, reason, `${MESSAGES[reason] ?? MESSAGES.invalid} ${r.message ? `(${r.message})` : ''}`.trim(), fetched);
      }
    }
    const state = getSyncState(ctx.db, ctx.serverUrl);
    saveSyncState(ctx.db, { ...state, last_pushed_at: ctx.now().toISOString() });
  });
  return round;
}

const key = (m: { table_name: string; row_id: string }) => `${m.table_name}:${m.row_id}`;
const label = (table: string) => table.replace(/s$/, '').replace(/_/g, ' ');

async function fetchServerRows(ctx: PushContext, ms: OutboxRow[]): Promise<Map<string, Record<string, unknown> | null>> {
  const out = new Map<string, Record<string, unknown> | null>();
  try {
    const rows = await ctx.transport.fetchRows(ms.map((m) => ({ table: m.table_name, id: m.row_id })));
    for (const r of rows) out.set(`${r.table}:${r.id}`, r.row);
  } catch (err) {
    // Without the server's row nothing is recorded: the replay of this push gets the same answers.
    if (err instanceof TransportError && err.kind !== 'bad_request') throw err;
  }
  return out;
}

/**
 * The server refused `m`: restore its truth (server row, or no row for a refused insert), keep
 * the attempt and the later changes of the same row in needs_attention, and audit it.
 * `serverRow` undefined = unknown (leave the local row as it is).
 */
function refuse(ctx: PushContext, m: OutboxRow, reason: string, message: string, serverRow: Record<string, unknown> | null | undefined) {
  const later = laterMutationsOfRow(ctx.db, m.table_name, m.row_id, m.seq);
  const attemptedRow = getLocalRow(ctx.db, m.table_name, m.row_id) ?? null;
  for (const x of [m, ...later]) deleteOutbox(ctx.db, x.id);
  if (serverRow) upsertRow(ctx.db, m.table_name, normaliseServerRow(ctx.db, m.table_name, serverRow), false);
  else if (serverRow === null && (m.op === 'insert' || reason === 'not_found')) deleteLocalRow(ctx.db, m.table_name, m.row_id);
  const at = ctx.now().toISOString();
  insertAttention(ctx.db, {
    clinic_id: m.clinic_id,
    mutation_id: m.id,
    table_name: m.table_name,
    row_id: m.row_id,
    op: m.op,
    attempts: JSON.stringify(
      [m, ...later].map((x) => ({ id: x.id, op: x.op, changes: JSON.parse(x.changes) as unknown, base_version: x.base_version })),
    ),
    actor_staff_id: m.actor_staff_id,
    attempted_at: m.created_at,
    reason,
    message,
    server_row: serverRow ? JSON.stringify(serverRow) : null,
    attempted_row: attemptedRow ? JSON.stringify(attemptedRow) : null,
    created_at: at,
  });
  // An audit row about a refused audit row could be refused the same way, forever.
  if (m.table_name === 'audit_log') return;
  appendAuditRow(ctx.db, {
    clinicId: m.clinic_id,
    at,
    actorStaffId: m.actor_staff_id,
    deskId: ctx.deskId(),
    action: reason === 'conflict' ? 'sync.conflict' : 'sync.rejected',
    table: m.table_name,
    rowId: m.row_id,
    details: { mutationId: m.id, op: m.op, reason, message, attempted: JSON.parse(m.changes) as unknown },
  });
}
