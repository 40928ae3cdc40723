/**
 * SQLite's temporary files bypass the cipher. With SQLITE_TMPDIR pointed at an empty folder that is watched while a
 * retention purge rebuilds the station database (VACUUM), not one file may appear there: a file created and unlinked
 * at once (as SQLite does with its temporary files) still raises the watcher's event, and while it is open its bytes
 * are copied from the child's /proc/<pid>/fd. The control run with the station's setting undone (temp_store = FILE)
 * shows the watcher does see SQLite's temporary files and copies the plaintext names they hold.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild, type BuiltChild } from './kill-harness';

const SURNAME = 'TEMPFILEJURAEV';
let child: BuiltChild;

beforeAll(async () => {
  child = await buildChild('test/reliability/purge-child.ts');
});

afterAll(() => child?.dispose());

interface Watched {
  /** Names the watcher reported in the temp folder. */
  readonly created: string[];
  /** Files copied while the child held them open (through /proc/<pid>/fd). */
  readonly copies: Buffer[];
  readonly purge: { counts: { crossings: number }; compacted: boolean };
}

/** Copies every file under `dir` the child has open, even unlinked ones. */
function copyOpenFiles(pid: number, dir: string, copies: Buffer[], seen: Set<string>): void {
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return;
  }
  for (const fd of fds) {
    try {
      const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (!target.startsWith(`${dir}/`)) continue;
      const bytes = fs.readFileSync(`/proc/${pid}/fd/${fd}`);
      const key = `${target}:${bytes.length}`;
      if (!seen.has(key)) {
        seen.add(key);
        copies.push(bytes);
      }
    } catch {
      // closed between listing and reading
    }
  }
}

function purgeWatched(dataDir: string, tmpDir: string, crossings: number, extra: string[] = []): Promise<Watched> {
  return new Promise((resolve, reject) => {
    const created: string[] = [];
    const copies: Buffer[] = [];
    const seen = new Set<string>();
    const watcher = fs.watch(tmpDir, (_event, name) => {
      created.push(String(name));
      copyOpenFiles(proc.pid ?? 0, tmpDir, copies, seen);
    });
    const proc = spawn(process.execPath, [child.script, dataDir, String(crossings), ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SQLITE_TMPDIR: tmpDir, TMPDIR: tmpDir },
    });
    // The watcher's events arrive on this loop; polling /proc as well catches files that never raise one again.
    const poll = setInterval(() => copyOpenFiles(proc.pid ?? 0, tmpDir, copies, seen), 5);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('exit', (code) => {
      clearInterval(poll);
      // Let the last inotify events arrive.
      setTimeout(() => {
        watcher.close();
        const done = /^DONE (.*)$/m.exec(stdout);
        if (code !== 0 || !done) reject(new Error(`purge child failed (${code}): ${stderr}`));
        else resolve({ created: [...new Set([...created, ...fs.readdirSync(tmpDir)])], copies, purge: JSON.parse(done[1]!) as Watched['purge'] });
      }, 200);
    });
  });
}

describe('retention purge and the temp folder', () => {
  it('creates no file in a watched SQLITE_TMPDIR, while the same purge with temp_store = FILE writes the names there', async () => {
    const control = await purgeWatched(path.join(child.workDir, 'control'), fs.mkdtempSync(path.join(child.workDir, 'tmp-control-')), 3000, ['--temp-store-file']);
    expect(control.purge).toMatchObject({ counts: { crossings: 3000 }, compacted: true });
    expect(control.created.length, 'the watcher sees the temporary files of temp_store = FILE').toBeGreaterThan(0);

    const watched = fs.mkdtempSync(path.join(child.workDir, 'tmp-station-'));
    const station = await purgeWatched(path.join(child.workDir, 'station'), watched, 3000);
    expect(station.purge).toMatchObject({ counts: { crossings: 3000 }, compacted: true });
    expect(station.created).toEqual([]);
    expect(station.copies.filter((bytes) => bytes.includes(SURNAME))).toEqual([]);
    // The copies are how the watcher would show personal data there: the control's hold the plaintext name.
    expect(control.copies.filter((bytes) => bytes.includes(SURNAME)).length).toBeGreaterThan(0);
  });
});
