/**
 * The desk's clock in the renderer. Main may run on a fixed clock (`--now` on the host and
 * `npm start`, for tests and demos): app.info says what time main thinks it is, and "today", the
 * current-time line and the schedule's opening scroll follow main, not the browser.
 */
let offsetMs = 0;
const SAME_CLOCK_MS = 60_000;

/** Follows main's clock from an app.info answer (`now`, an ISO instant). */
export function followDeskClock(deskNow: string | undefined, receivedAtMs: number = Date.now()): void {
  const at = deskNow ? Date.parse(deskNow) : Number.NaN;
  if (Number.isNaN(at)) return;
  // Same machine, same clock: an answer's own delay (up to seconds) is not a fixed clock.
  const offset = at - receivedAtMs;
  offsetMs = Math.abs(offset) < SAME_CLOCK_MS ? 0 : offset;
}

/** Now on the desk's clock. */
export function deskNow(): Date {
  return new Date(Date.now() + offsetMs);
}
