import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundle, type WriteBundleOptions } from '../../../shared/node/export';
import { DAY1_START, DAY_MS, TEST_ZONE, openTestStation } from '../../support/export-station';
import { tempDir } from '../../support/temp-dir';

function options(dataDir: string, out: string, extra: Partial<Omit<WriteBundleOptions, 'outDir'>> = {}): WriteBundleOptions & { outDir: string } {
  const station = openTestStation(dataDir);
  station.record(25, DAY1_START + 3_600_000, 60_000);
  return {
    source: station.deps.exports,
    signer: station.key,
    stationId: station.stationId,
    checkpointId: null,
    appVersion: 'test',
    fromMs: DAY1_START,
    toMs: DAY1_START + DAY_MS,
    timeZone: TEST_ZONE,
    createdAt: new Date(DAY1_START + DAY_MS + 60_000),
    outDir: out,
    format: 'zip',
    pageSize: 10,
    ...extra,
  };
}

describe('writeBundle is atomic', () => {
  it('shows nothing under a bundle name until the bundle is whole', async () => {
    const out = tempDir('checkpoint-usb-');
    const seen: string[][] = [];
    const written = await writeBundle(
      options(tempDir(), out, {
        onProgress: (progress) => {
          if (progress.phase !== 'done') seen.push(fs.readdirSync(out));
        },
      }),
    );
    expect(seen.length).toBeGreaterThan(3);
    for (const names of seen) for (const name of names) expect(name).toMatch(/^\.checkpoint-export-.*\.partial-[0-9a-f]{8}$/);
    expect(fs.readdirSync(out)).toEqual([path.basename(written.path)]);
    expect(written.manifest.rows.crossings).toBe(25);
  });

  it('leaves no trace when it fails half-way, and clears what a killed export left behind', async () => {
    const out = tempDir('checkpoint-usb-');
    const leftover = path.join(out, '.checkpoint-export-checkpoint-export_STN-TEST01_2021-03-01.partial-0badf00d');
    fs.mkdirSync(leftover);
    fs.writeFileSync(path.join(leftover, 'crossings.jsonl'), '{"half":');
    fs.writeFileSync(path.join(out, 'my-notes.txt'), 'not ours');
    let pages = 0;
    const failing = options(tempDir(), out, {
      onProgress: () => {
        pages += 1;
        if (pages === 2) throw new Error('USB stick pulled');
      },
    });
    await expect(writeBundle(failing)).rejects.toThrow('USB stick pulled');
    expect(fs.readdirSync(out)).toEqual(['my-notes.txt']);
    // Nor an open file on the stick (Windows could not remove the folder, the stick could not be ejected).
    if (fs.existsSync('/proc/self/fd')) {
      const open = fs.readdirSync('/proc/self/fd').map((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      });
      expect(open.filter((target) => target.startsWith(out))).toEqual([]);
    }
  });

  it('never overwrites an earlier bundle of the same day', async () => {
    const out = tempDir('checkpoint-usb-');
    const dataDir = tempDir();
    const first = await writeBundle(options(dataDir, out, { format: 'folder' }));
    const second = await writeBundle({ ...options(dataDir, out, { format: 'folder' }) });
    expect(path.basename(first.path)).toBe('checkpoint-export_STN-TEST01_2021-03-01');
    expect(path.basename(second.path)).toBe('checkpoint-export_STN-TEST01_2021-03-01_2');
  });

  it('refuses a folder that does not exist', async () => {
    await expect(writeBundle(options(tempDir(), path.join(tempDir(), 'no-stick')))).rejects.toThrow(/does not exist/);
  });
});
