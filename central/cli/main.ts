import { readStdin } from '../../shared/cli/io';
import { runCentralCli } from './run-central-cli';

// SIGINT / SIGTERM stop `serve` gracefully (in-flight requests finish, the database closes).
const stop = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const code = await runCentralCli(
  process.argv.slice(2),
  {
    stdin: () => readStdin(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  },
  stop,
);
process.exit(code);
