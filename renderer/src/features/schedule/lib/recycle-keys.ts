export interface RecycledKeys {
  /** Appointment id → React key. */
  keys: Map<string, number>;
  /** The next never-used key. */
  nextKey: number;
}

/**
 * React keys for one column's blocks that let a new day reuse the elements of the last one: an
 * appointment keeps its key while it stays in the column (focus and drag follow it), and a new
 * appointment takes the key of one that left, in order, so a day switch updates hundreds of
 * buttons in place instead of removing and creating them. The key of `keepOut` (the focused
 * block) is never handed on: its element goes with its appointment.
 */
export function recycleKeys(previous: RecycledKeys, ids: readonly string[], keepOut: string | null): RecycledKeys {
  const present = new Set(ids);
  const free: number[] = [];
  for (const [id, key] of previous.keys) if (!present.has(id) && id !== keepOut) free.push(key);
  const keys = new Map<string, number>();
  let fresh = previous.nextKey;
  let reused = 0;
  for (const id of ids) keys.set(id, previous.keys.get(id) ?? (reused < free.length ? free[reused++]! : fresh++));
  return { keys, nextKey: fresh };
}
