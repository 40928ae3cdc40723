/**
 * Shared by the kill-during-export and kill-during-trust-list-import crash rounds: bundles a child script
 * with esbuild (as the app's own build does) and SIGKILLs it at a random moment after its first
 * acknowledgement. Children print `ACK <value>` only after the operation they acknowledge has returned.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export interface BuiltChild {
  readonly workDir: string;
  readonly script: string;
  dispose(): void;
}

export async function buildChild(entry: string): Promise<BuiltChild> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-kill-'));
  const script = path.join(workDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.resolve(entry)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    loader: { '.sql': 'text' },
    logLevel: 'warning',
  });
  // packages: 'external' resolves the native modules from the bundle's folder: link the project's node_modules there.
  fs.symlinkSync(path.resolve('node_modules'), path.join(workDir, 'node_modules'), 'dir');
  return { workDir, script, dispose: () => fs.rmSync(workDir, { recursive: true, force: true }) };
}

/** A seeded generator, so a failing kill schedule can be replayed (CRASH_SEED). */
export function seededRandom(seed = Number(process.env.CRASH_SEED ?? 20210301)): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Runs the child until it has acknowledged once, then kills it after `killAfterMs`; resolves with every ACK value. */
export function runAndKill(script: string, args: readonly string[], killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4));
      if (timer === undefined && acked.length > 0) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed (${signal ?? code}): ${stderr}`));
      else resolve(acked);
    });
  });
}
