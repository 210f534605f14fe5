/**
 * WAL checkpoints off the main thread during a large download. A checkpoint copies the WAL back
 * into the database file and fsyncs it; run by the main connection (automatic checkpoints at
 * commit), that took 100-400 ms of the main process per checkpoint on a busy disk. Meanwhile
 * the main connection only appends to the WAL (automatic checkpoints off) and a worker thread
 * with its own connection runs PASSIVE checkpoints, which never block the writer.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { WriteDb } from '../database.ts';
import { cipherPragmasOf, keyOf } from '../encryption.ts';

/**
 * How often the worker checkpoints. Each checkpoint decrypts the WAL frames it copies and
 * encrypts them into the file, so a page rewritten by many slices (a random-order unique index's
 * leaves) costs two cipher passes per checkpoint that saw it; at 100 ms that was ~80% of the
 * worker's CPU. Once a second copies each such page far fewer times. The WAL's size does not
 * depend on it: it never starts over while the download writes (473 MB at 200k appointments with
 * either interval), see WAL_SIZE_LIMIT_BYTES for what happens after.
 */
const CHECKPOINT_INTERVAL_MS = 1000;

// CommonJS, evaluated in the worker: opens the file (with the key, as applyKey does) and
// checkpoints every intervalMs until told to stop (which cuts the wait short), then once more.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
if (workerData.key) {
  for (const pragma of workerData.cipherPragmas) db.pragma(pragma);
  db.pragma('key = "x\\'' + workerData.key + '\\'"');
}
let stop = false;
let wake = () => {};
parentPort.on('message', () => { stop = true; wake(); });
const sleep = (ms) => new Promise((r) => { const t = setTimeout(r, ms); wake = () => { clearTimeout(t); r(); }; });
const step = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
(async () => {
  while (!stop) { step(); await sleep(workerData.intervalMs); }
  step();
  db.close();
  parentPort.postMessage('done');
})();
`;

export interface Checkpointer {
  /** Final checkpoint, worker gone, automatic checkpoints back on. */
  stop(): Promise<void>;
}

export function startCheckpointer(db: WriteDb): Checkpointer | null {
  if (db.name === ':memory:' || db.memory) return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { eval: true, workerData: { driver, path: db.name, key: keyOf(db)?.toString('hex') ?? null, cipherPragmas: cipherPragmasOf(db), intervalMs: CHECKPOINT_INTERVAL_MS } });
  } catch {
    return null; // checkpoints simply stay on the main connection
  }
  db.pragma('wal_autocheckpoint = 0');
  const done = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  return {
    async stop() {
      worker.postMessage('stop');
      // The grace timer is cleared: left running, it kept the sync worker's thread (and the
      // download's heap, ~100 MB after 200k rows) alive 10 s past the end of every first sync.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise((r) => (grace = setTimeout(r, 10_000)))]);
      clearTimeout(grace);
      await worker.terminate();
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
  };
}
