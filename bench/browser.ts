/**
 * What the receptionist sees, in a real Chromium against the real headless host:
 * - cold_start_ms: host process (the bundled build of electron/host/cli.ts, see
 *   scripts/build-main.mjs) spawned on the prepared data dir until the day schedule, with its
 *   appointments, is painted (Chromium is launched in parallel, as Electron opens its window);
 * - day_render_ms: ArrowRight onto a busy day (20 doctors × 25 appointments) until the blocks of
 *   every doctor column in view are painted, measured in the page from the keydown. Doctor
 *   columns are at least 120 px wide: at 1600 px about 13 are in view, and the grid draws the
 *   blocks of those (plus one column each side) first, the others right after that paint;
 * - day_render_all_ms: the same keydown until every block of the day is painted.
 * "Painted" = a MutationObserver sees the grid change, then requestAnimationFrame + setTimeout(0)
 * (the task after that frame's paint). Which columns were in view is read from the layout only
 * after the clock stopped; day_render_ms is the first paint in which each of them held as many
 * blocks as its head counts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Browser, type Page, chromium } from '@playwright/test';
import { todayIn } from '../shared/domain/clinic-time.ts';
import { addBusyDays } from './busy-days.ts';
import type { Bench, BenchContext } from './context.ts';
import { percentile, round } from './stats.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.ts';
import { buildHost } from '../scripts/build-main.mjs';

/** Busy days visited per profile (each is a day not shown before; the renderer may have read it ahead). */
const BUSY_DAYS = { tiny: 2, quick: 20, full: 30 } as const;

/** Builds the renderer once per run into `outDir` (a stale dist/ would measure old code). */
export function buildRenderer(outDir: string, minify = true): void {
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error', ...(minify ? [] : ['--minify', 'false'])];
  const run = spawnSync('npx', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stderr}`);
}

let bundled: Promise<string> | null = null;

/** The host as `npm start` runs it (one esbuild bundle), built once per bench run before any clock starts. */
export function hostBundle(): Promise<string> {
  bundled ??= buildHost();
  return bundled;
}

/** Resident set (VmRSS) or its peak (VmHWM) of a process from /proc (Linux), in MB. */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

function waitForReady(child: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host not ready:\n${log.join('\n')}`)), 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.push(line);
      if (!line.startsWith('{"event":"ready"')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString().trimEnd()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before ready:\n${log.join('\n')}`));
    });
  });
}

// Page scripts are strings: tsx would wrap named functions in a helper the page does not have.

/** Installed before any page script: records when a grid with appointments is first painted. */
const PAINT_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="day-schedule"] [data-appointment-id]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__benchPaintedAt = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/**
 * In the page: arms a probe for `date` that notes, at each change of the new day's grid, how many
 * blocks each column holds, and when the frame after that change was painted (ms from the next
 * keydown); it resolves once every block is there and painted. No layout is read meanwhile.
 */
const armDayProbe = (date: string, expected: number) => `(() => {
  window.__benchDay = new Promise((resolve) => {
    let t0 = 0;
    const shots = [];
    const grid = '[data-testid="day-schedule"][data-date="${date}"]';
    const painted = (then) => requestAnimationFrame(() => setTimeout(then, 0));
    const observer = new MutationObserver(() => {
      if (!t0 || !document.querySelector(grid)) return;
      const shot = { drawn: [...document.querySelectorAll(grid + ' .doctor-col')].map((col) => col.querySelectorAll('[data-appointment-id]').length) };
      shots.push(shot);
      painted(() => (shot.ms = performance.now() - t0));
      if (shot.drawn.reduce((sum, n) => sum + n, 0) < ${expected}) return;
      observer.disconnect();
      const done = () => (shots.every((s) => s.ms !== undefined) ? resolve(shots) : setTimeout(done, 0));
      painted(done);
    });
    window.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-date'] });
  });
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
})()`;

/**
 * After a probe, from the painted layout: the columns in view (right of the time axis, inside the
 * scroller), `visible` = the first paint with each of them holding its head's count of blocks,
 * `all` = the paint with every block.
 */
const dayTimes = (date: string) => `(async () => {
  const shots = await window.__benchDay;
  const grid = '[data-testid="day-schedule"][data-date="${date}"]';
  const scroller = document.querySelector(grid + ' .grid__scroll').getBoundingClientRect();
  const axis = document.querySelector(grid + ' .time-axis').getBoundingClientRect();
  const heads = [...document.querySelectorAll(grid + ' .doctor-head__count [aria-hidden]')].map((h) => Number(h.textContent));
  const inView = [...document.querySelectorAll(grid + ' .doctor-col')].flatMap((col, i) => {
    const r = col.getBoundingClientRect();
    return r.right > axis.right && r.left < scroller.right ? [i] : [];
  });
  const first = shots.find((shot) => inView.every((i) => shot.drawn[i] >= heads[i]));
  return { visible: first.ms, all: shots.at(-1).ms, columnsInView: inView.length, columns: heads.length };
})()`;

/** Cold starts timed per profile; the median is cold_start_ms. */
const COLD_STARTS = { tiny: 1, quick: 3, full: 3 } as const;

interface ColdStart {
  ms: number;
  readyMs: number;
  windowMs: number;
  hostRssMb: number;
  host: ChildProcess;
  browser: Browser;
  page: Page;
}

async function stopSession({ browser, host }: Pick<ColdStart, 'browser' | 'host'>): Promise<void> {
  await browser.close();
  if (host.exitCode !== null) return;
  const exited = new Promise((r) => host.once('exit', r));
  host.kill('SIGTERM');
  await exited;
}

/** Spawns the host and, in parallel, Chromium; resolves once the schedule is painted. */
async function coldStart(ctx: BenchContext, bundle: string, rendererDir: string): Promise<ColdStart> {
  const log: string[] = [];
  const spawnedAt = Date.now();
  const host = spawn(
    process.execPath,
    [bundle, '--data-dir', ctx.dataDir, '--port', '0', '--no-open', '--no-demo', '--renderer-dir', rendererDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } },
  );
  let browser: Browser | undefined;
  try {
    // The window opens while the host starts, as Electron creates its BrowserWindow while the
    // main process initialises; the page navigates once the host gives its URL.
    let readyMs = 0;
    let windowMs = 0;
    const [url, page] = await Promise.all([
      waitForReady(host, log).then((ready) => {
        readyMs = Date.now() - spawnedAt;
        return ready;
      }),
      (async () => {
        browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        await context.addInitScript(PAINT_PROBE);
        const opened = await context.newPage();
        windowMs = Date.now() - spawnedAt;
        return opened;
      })(),
    ]);
    page.on('console', (m) => log.push(`console: ${m.text()}`));
    const navigatedAt = Date.now();
    await page.goto(url);
    const handle = await page
      .waitForFunction(() => (window as unknown as { __benchPaintedAt?: number }).__benchPaintedAt, null, { timeout: 60_000 })
      .catch(async (err: unknown) => {
        const text = (await page.locator('body').innerText()).slice(0, 400);
        throw new Error(`schedule never painted (${String(err)}); page: ${text}\n${log.join('\n')}`);
      });
    // performance.now() counts from the navigation, which starts as page.goto is sent.
    const ms = navigatedAt - spawnedAt + Math.round((await handle.jsonValue()) as number);
    return { ms, readyMs, windowMs, hostRssMb: procStatusMb(host.pid!), host, browser: browser!, page };
  } catch (err) {
    if (browser) await stopSession({ browser, host });
    else host.kill('SIGTERM');
    throw err;
  }
}

export const browserBench: Bench = {
  name: 'browser',
  async run(ctx) {
    const rendererDir = join(ctx.dataDir, 'renderer');
    // BENCH_RENDERER_PROFILE=<file.cpuprofile>: an unminified build and a Chromium CPU profile of
    // the day switches (open it in Chrome DevTools' Performance panel).
    const profilePath = process.env.BENCH_RENDERER_PROFILE;
    buildRenderer(rendererDir, !profilePath);
    // The app opens on the real today (its clock is the browser's): the busy days start there, so
    // the cold start paints a busy day. The demo window is anchored to the bench's fixed clock,
    // in the past, so nothing else is booked on these days.
    const timeZone = (ctx.app.db.prepare('SELECT time_zone FROM clinics LIMIT 1').get() as { time_zone: string }).time_zone;
    const today = todayIn(timeZone);
    if (today <= ctx.window.last) throw new Error(`the real today ${today} falls inside the demo window (to ${ctx.window.last})`);
    const busy = addBusyDays(ctx.app, today, BUSY_DAYS[ctx.profile] + 1, ctx.rng('busy-days'));
    ctx.log(`busy days ${busy.dates[0]} .. ${busy.dates.at(-1)}: ${busy.appointmentsPerDay} appointments each`);

    const bundle = await hostBundle();
    // A cold start is timed COLD_STARTS times (host and Chromium started afresh each time) and
    // the median reported: one launch swings by hundreds of ms with what the OS has cached.
    const colds: ColdStart[] = [];
    try {
      for (let i = 0; i < COLD_STARTS[ctx.profile]; i++) {
        if (colds.length > 0) await stopSession(colds.at(-1)!);
        colds.push(await coldStart(ctx, bundle, rendererDir));
        const c = colds.at(-1)!;
        ctx.log(`cold start ${i + 1}: host ready ${c.readyMs} ms, window open ${c.windowMs} ms, schedule painted ${c.ms} ms, host RSS ${c.hostRssMb} MB`);
      }
      const { page, browser, hostRssMb } = colds.at(-1)!;
      const context = page.context();
      const coldMs = colds.map((c) => c.ms).sort((a, b) => a - b);

      // ArrowRight from "today" onto each next busy day in turn. Each is a day never drawn before; the
      // renderer reads the neighbours of the shown day ahead (as it does for the receptionist), so
      // its data may have arrived or still be on the way when the key is pressed.
      const times: number[] = [];
      const allTimes: number[] = [];
      const inView: string[] = [];
      const cdp = profilePath ? await context.newCDPSession(page) : null;
      await cdp?.send('Profiler.enable');
      await cdp?.send('Profiler.start');
      const tracePath = process.env.BENCH_RENDERER_TRACE;
      if (tracePath) await browser.startTracing(page, { path: tracePath });
      for (const date of busy.dates.slice(1)) {
        await page.evaluate(armDayProbe(date, busy.appointmentsPerDay));
        await page.keyboard.press('ArrowRight');
        const day = (await page.evaluate(dayTimes(date))) as { visible: number; all: number; columnsInView: number; columns: number };
        times.push(day.visible);
        allTimes.push(day.all);
        inView.push(`${day.columnsInView}/${day.columns}`);
      }
      if (tracePath) await browser.stopTracing();
      if (cdp) writeFileSync(profilePath!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      const sorted = [...times].sort((a, b) => a - b);
      const sortedAll = [...allTimes].sort((a, b) => a - b);
      ctx.log(`columns in view: ${[...new Set(inView)].join(', ')}`);
      ctx.log(`day render, columns in view: ${times.map((t) => Math.round(t)).join(', ')} ms`);
      ctx.log(`day render, every block: ${allTimes.map((t) => Math.round(t)).join(', ')} ms`);
      return {
        cold_start_ms: percentile(coldMs, 50),
        cold_start_first_ms: colds[0]!.ms,
        cold_start_max_ms: coldMs.at(-1)!,
        cold_start_runs: colds.length,
        cold_start_host_ready_ms: colds.at(-1)!.readyMs,
        day_render_ms: round(percentile(sorted, 50), 1),
        day_render_max_ms: round(sorted.at(-1)!, 1),
        day_render_all_ms: round(percentile(sortedAll, 50), 1),
        day_render_all_max_ms: round(sortedAll.at(-1)!, 1),
        day_render_days: times.length,
        day_render_appointments: busy.appointmentsPerDay,
        host_rss_mb: hostRssMb,
      };
    } finally {
      if (colds.length > 0) await stopSession(colds.at(-1)!);
    }
  },
};
