/**
 * Child process for payment-idempotency-crash.test.ts:
 *   node --import tsx payment-crash-child.ts <dataDir> <payments.record input as JSON>
 * Opens the desk in dataDir and records the payment; once the command has committed and its answer
 * is ready, SIGKILLs itself before handing the answer on, as a desk killed between the commit and
 * the reply. Prints 'sent' before the command; 'answered' would follow a delivered answer.
 */
import { createApp } from '../../electron/app.ts';

const [dataDir, json] = process.argv.slice(2) as [string, string];
const app = createApp({ dataDir, demo: false, logger: { error: () => {} } });
process.stdout.write('sent\n');
void app.invoke('payments.record', JSON.parse(json)).then((answer) => {
  if (!answer.ok) {
    process.stdout.write(`refused ${JSON.stringify(answer.error)}\n`);
    process.exit(3);
  }
  process.kill(process.pid, 'SIGKILL');
  process.stdout.write('answered\n');
});
