import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface HubProcess {
  readonly url: string;
  readonly hubPublicKey: string;
  readonly child: ChildProcess;
  /** The `application_name` its PostgreSQL connections carry (PGAPPNAME), so a test can see them in pg_stat_activity. */
  readonly applicationName: string;
  /** SIGKILL: no clean-up of any kind, as a power cut or the OOM killer would. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const CLI = path.resolve('bin/checkpoint-central.mjs');
let hubsStarted = 0;

/** `checkpoint-central serve` as its own process (the built CLI: `npm run build` first), on 127.0.0.1 and a free port. */
export async function startHubProcess(args: readonly string[]): Promise<HubProcess> {
  if (!fs.existsSync(path.resolve('dist/node/central.mjs'))) throw new Error('the hub is not built: run `npm run build` first');
  const applicationName = `hub-test-${process.pid}-${++hubsStarted}`;
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PGAPPNAME: applicationName },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before listening: ${stderr}`)));
  });
  const started = JSON.parse(first) as { url: string; hubPublicKey: string };
  return {
    url: started.url,
    hubPublicKey: started.hubPublicKey,
    child,
    applicationName,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
