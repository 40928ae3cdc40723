import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePrivateDir } from '../files';

export const HOST_LOCK_FILE = 'host.lock';

/** What a refused start says: one sentence naming the folder and who holds it. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `Another Checkpoint Station (process ${holderPid}) is already running on the data folder ${dataDir}; close it first, or start this one with another --data-dir.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
}

function readHolder(file: string): Holder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

/** A process that no longer exists (a crash, a power cut) leaves its lock behind; only a live one holds the folder. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/host.lock` for this process, so a second host (web host or desktop app) on the same
 * folder refuses to start instead of writing the same database from two processes. A lock left by a
 * process that has died, or written on another machine's name, is taken over (the folder is local).
 */
export function acquireDataDirLock(dataDir: string, pid: number = process.pid): DataDirLock {
  makePrivateDir(dataDir);
  const file = path.join(dataDir, HOST_LOCK_FILE);
  const content = JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
      return {
        file,
        release: () => {
          if (readHolder(file)?.pid === pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.pid !== pid && holder.host === os.hostname() && isAlive(holder.pid)) throw new DataDirLockedError(dataDir, holder.pid);
      // Stale (dead process) or unreadable (torn write at a power cut): remove and try once more.
      fs.rmSync(file, { force: true });
    }
  }
  const holder = readHolder(file);
  throw new DataDirLockedError(dataDir, holder?.pid ?? -1);
}
