// Child process for sync-crash.test.ts: a desk that pulls or writes until it is killed (SIGKILL).
// Run with node --experimental-transform-types (tsx resolves better-sqlite3-multiple-ciphers to its .d.ts).
import { openDesk } from './sync-desk.ts';
import type { StackInfo } from './harness.ts';
import type { Login } from './fixtures.ts';

const arg = JSON.parse(process.argv[2]!) as { stack: StackInfo; login: Login; dataDir: string; mode: 'pull' | 'write' };
const desk = await openDesk(arg.stack, arg.login, {
  dataDir: arg.dataDir,
  syncOptions: arg.mode === 'pull' ? { pullPageSize: 200, sliceMs: 2 } : { pullIntervalMs: 100_000, debounceMs: 100_000 },
});
if (arg.mode === 'pull') {
  desk.app.onEvent((e) => {
    if (e.name === 'data.changed') process.stdout.write('page\n');
  });
} else {
  if (arg.mode === 'write') await desk.app.sync!.stop();
  for (let i = 0; ; i++) {
    await desk.invoke('patients.create', { firstName: 'Crash', lastName: `Test${i}`, phone: `6${String(i).padStart(8, '0')}` });
    if (i % 5 === 0) process.stdout.write(`wrote ${i}\n`);
  }
}
