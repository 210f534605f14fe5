// Child process for stack-lifecycle.test.ts: starts a stack, prints its pids, waits forever.
import { startStack } from '../../stack/index.ts';

const stack = await startStack({ demo: false });
process.stdout.write(JSON.stringify({ pids: stack.pids, dataDir: stack.dataDir, url: stack.url }) + '\n');
setInterval(() => undefined, 60_000);
