import type { Envelope } from '../../../../../shared/result.ts';

/**
 * Answers of one read per day, kept for a quick day switch: the days next to the shown one are
 * read in the background, so stepping onto them draws at once instead of waiting for the read.
 * `invalidate()` (on a 'data.changed' of the day's tables) forgets every answer and ignores
 * answers still in flight, so a cached day is never older than the last change.
 */
export interface DayCache<T> {
  /** The kept answer of a day, if any (no read). */
  peek(date: string): T | undefined;
  /** Keeps an answer read another way (the boot read of today). */
  keep(date: string, value: T): void;
  /** Reads a day (sharing a read already in flight for it) and keeps a successful answer. */
  load(date: string): Promise<Envelope<T>>;
  /** Starts a background read of a day that is neither kept nor in flight. */
  prefetch(date: string): void;
  invalidate(): void;
}

/** Days kept: the shown one, its neighbours and a few just visited. */
const DEFAULT_LIMIT = 8;

export function createDayCache<T>(read: (date: string) => Promise<Envelope<T>>, limit = DEFAULT_LIMIT): DayCache<T> {
  const kept = new Map<string, T>();
  const inFlight = new Map<string, Promise<Envelope<T>>>();
  let generation = 0;

  const keep = (date: string, value: T) => {
    kept.delete(date);
    kept.set(date, value);
    // Map order is insertion order: the first key is the least recently kept day.
    while (kept.size > limit) kept.delete(kept.keys().next().value!);
  };

  const load = (date: string): Promise<Envelope<T>> => {
    const pending = inFlight.get(date);
    if (pending) return pending;
    const startedIn = generation;
    const request = read(date).then((answer) => {
      if (startedIn !== generation) return answer;
      inFlight.delete(date);
      if (answer.ok) keep(date, answer.value);
      return answer;
    });
    inFlight.set(date, request);
    return request;
  };

  return {
    peek: (date) => kept.get(date),
    keep,
    load,
    prefetch(date) {
      if (!kept.has(date) && !inFlight.has(date)) void load(date);
    },
    invalidate() {
      generation++;
      kept.clear();
      inFlight.clear();
    },
  };
}
