/**
 * When the sync loop runs next: soon after a local write (debounced), on a short interval while
 * online, with exponential backoff and jitter while offline, and at once when woken (reconnect,
 * "Sync now", start-up).
 */
export interface ScheduleOptions {
  pullIntervalMs: number;
  debounceMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;

  private readonly o: ScheduleOptions;

  constructor(o: ScheduleOptions) {
    this.o = o;
  }

  /** Delay before the next run: the interval after a success, backoff with jitter after `failures` failures. */
  delay(failures: number): number {
    if (failures === 0) return this.o.pullIntervalMs;
    const base = Math.min(this.o.backoffMaxMs, this.o.backoffMinMs * 2 ** Math.min(failures - 1, 16));
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  /** Resolves after `ms`, or earlier when woken. */
  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.wakeUp = () => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wakeUp = null;
        resolve();
      };
      this.timer = setTimeout(() => this.wakeUp?.(), ms);
    });
  }

  /** Run as soon as possible. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  /** A local write happened: run after the debounce (several quick writes go in one push). */
  written(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.wake();
    }, this.o.debounceMs);
  }

  stop(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.wakeUp?.();
  }
}
