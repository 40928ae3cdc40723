import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** PostgreSQL's programs (initdb, pg_ctl): $PG_BIN, else the newest Debian install, else null. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

export interface TempCluster {
  /** Superuser URL of the `postgres` database, over the cluster's Unix socket. */
  readonly url: string;
  readonly dir: string;
  stop(): void;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, every program runs as the `postgres` user (Debian's package makes it). */
function run(bin: string, program: string, args: string[]): void {
  const file = path.join(bin, program);
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/**
 * A throw-away PostgreSQL cluster in a temporary folder, reachable only over a Unix socket in that folder
 * (no TCP port to collide with anyone else's). `durable: false` turns fsync off for test speed.
 */
export function startTempCluster(bin: string, options: { durable?: boolean } = {}): TempCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpg-'));
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const settings = [`-k ${dir}`, "-c listen_addresses=''", '-c max_connections=200', ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
  run(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  return {
    url: `postgresql://postgres@localhost/postgres?host=${dir}`,
    dir,
    stop: () => {
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
