/**
 * Finding 4 of the log of record: a consular override made after a day was exported must reach the central
 * side. Through createCore with real SQLite files and real signatures: the next export of that day is a
 * superseding bundle that names the first one and the crossing that changed and carries the override; the
 * first bundle is never changed. On the station before bundle format v2 the second export carried no
 * override and replaced nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { verifyBundle, type BundleManifest, type CrossingExportRow } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { mrzOf, stationAt, traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { bundleSchemaProblemsAt } from '../../support/bundle-schema';
import { tempDir } from '../../support/temp-dir';

const as = async (core: Core, role: 'operator' | 'consular' | 'shift-lead') => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

function filesAt(target: string): Map<string, Uint8Array> {
  const read = readBundle(target);
  if (!read.ok) throw new Error(read.message);
  return new Map(read.files);
}

const text = (files: ReadonlyMap<string, Uint8Array>, name: string) => Buffer.from(files.get(name) as Uint8Array).toString('utf8');
const manifestOf = (files: ReadonlyMap<string, Uint8Array>) => JSON.parse(text(files, 'manifest.json')) as BundleManifest;
const rowsOf = (files: ReadonlyMap<string, Uint8Array>) =>
  text(files, 'crossings.jsonl')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as CrossingExportRow);

describe('an override after an export (finding 4)', () => {
  it('makes the next export of that day a superseding bundle that carries it; the first bundle is never changed', async () => {
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const core = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
      dataDir: tempDir(),
      clock,
      logger: silentLogger,
      bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('consular'), testUser('shift-lead')], signIn: TEST_USERNAME.operator },
    });
    try {
      // No rule profile: a passport alone NEEDS CROSS-CHECK, and Enter holds the traveller for consular staff.
      const held = [];
      for (const i of [1, 2]) {
        const scan = unwrap(await core.scan({ payload: mrzOf(traveller(i)), direction: 'entry' }));
        held.push(unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' })));
        clock.advance(60_000);
      }
      expect(held.map((c) => c.disposition)).toEqual(['held', 'held']);

      const usb = tempDir('usb-');
      await as(core, 'shift-lead');
      const first = unwrap(await core.exportBundle({ date: '2021-03-01', folder: usb, format: 'folder' }));
      const firstFiles = filesAt(first.destination as string);
      expect(manifestOf(firstFiles).supersedes).toBeUndefined();
      expect(rowsOf(firstFiles).map((r) => r.current.disposition)).toEqual(['held', 'held']);

      clock.advance(3 * 3_600_000);
      await as(core, 'consular');
      unwrap(await core.admitCrossing({ crossingId: held[0]!.id, reason: 'Lab confirmed the negative test by phone' }));

      await as(core, 'shift-lead');
      const second = unwrap(await core.exportBundle({ date: '2021-03-01', folder: usb, format: 'folder' }));
      const secondFiles = filesAt(second.destination as string);
      expect(manifestOf(secondFiles).supersedes).toEqual({ manifestSha256: first.manifestSha256, changedSequences: [held[0]!.sequence] });
      const [admitted, still] = rowsOf(secondFiles);
      expect(admitted).toMatchObject({ disposition: 'held', current: { disposition: 'crossed' } });
      expect(admitted?.overrides).toEqual([
        expect.objectContaining({
          by: { userId: expect.any(String), name: 'Test consular', role: 'consular' },
          enteredBy: null,
          reason: 'Lab confirmed the negative test by phone',
          from: { outcome: 'NEEDS_CROSS_CHECK', disposition: 'held' },
          to: { outcome: 'NEEDS_CROSS_CHECK', disposition: 'crossed' },
        }),
      ]);
      expect(admitted?.corrections.map((c) => [c.kind, c.by?.name])).toEqual([['admit', 'Test consular']]);
      expect(still?.current.disposition).toBe('held');
      const summary = JSON.parse(text(secondFiles, 'summary.json')) as { crossings: Record<string, number> };
      expect(summary.crossings).toMatchObject({ total: 2, entry: 1, crossed: 1, held: 1 });

      // The first bundle on the stick is as it was written, and the second verifies as its replacement.
      expect(filesAt(first.destination as string)).toEqual(firstFiles);
      expect(fs.readdirSync(usb).filter((name) => !name.startsWith('.')).sort()).toEqual([path.basename(first.destination as string), path.basename(second.destination as string)].sort());
      const { publicKey } = manifestOf(firstFiles).signer;
      const verified = await verifyBundle({ files: secondFiles, signer: { publicKey }, replaced: firstFiles });
      expect(verified.problems).toEqual([]);
      for (const bundle of [first, second]) expect(bundleSchemaProblemsAt(bundle.destination as string)).toEqual([]);
      const history = unwrap(await core.listExports({})).items;
      expect(history.map((e) => e.manifestSha256)).toEqual([second.manifestSha256, first.manifestSha256]);
    } finally {
      core.close();
    }
  });
});
