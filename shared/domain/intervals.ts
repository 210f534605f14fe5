/** Half-open time spans [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/** Sorted, disjoint union of the spans (touching spans are joined). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Whether [start, end) overlaps any span of a merged (sorted, disjoint) list: binary search. */
export function overlapsMerged(merged: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const hit = merged[lo];
  return hit !== undefined && hit.start < end;
}

/** `from` minus `taken`; both merged. */
export function subtractSpans(from: readonly Span[], taken: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const f of from) {
    let cursor = f.start;
    for (const t of taken) {
      if (t.end <= cursor || t.start >= f.end) continue;
      if (t.start > cursor) out.push({ start: cursor, end: t.start });
      cursor = Math.max(cursor, t.end);
    }
    if (cursor < f.end) out.push({ start: cursor, end: f.end });
  }
  return out;
}
