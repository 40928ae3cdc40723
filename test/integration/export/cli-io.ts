import { runCheckpoint } from '../../support/cli';

/** Runs the CLI in-process and captures what it prints (without the last newline), parsed when it is JSON. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json: Record<string, unknown> | null }> {
  const run = await runCheckpoint(argv);
  const stdout = run.stdout.replace(/\n$/, '');
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { code: run.code, stdout, stderr: run.stderr.replace(/\n$/, ''), json };
}
