import type { CliIo } from '../../../shared/cli/io';
import { runCli } from '../../../shared/cli/run-cli';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json: Record<string, unknown> | null }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => '', stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await runCli(argv, io);
  const stdout = out.join('\n');
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { code, stdout, stderr: err.join('\n'), json };
}
