import fs from 'node:fs';
import path from 'node:path';
import type { OutboxRepo, StationStore } from '../../node/db';
import { makePrivateDir } from '../../node/files';
import type { Logger } from '../logger';

export const OUTBOX_FOLDER = 'outbox';
/** Largest legacy outbox copy taken in (a bundle of 100k crossings is ~10 MB). */
const LEGACY_BUNDLE_CAP = 512 * 1024 * 1024;
/** Anything this young may be an export still being written by the CLI on the same folder: left for the next start. */
const IN_PROGRESS_MS = 60_000;

/**
 * At start: queued bundles live in the encrypted database, so nothing in `<data dir>/outbox` is needed. Copies an
 * earlier version left there as plaintext files are taken into the database (unless the hub has acknowledged
 * them), and every file there — those copies, the zip of an export killed before it was queued, staging
 * folders — is removed. Returns how many legacy copies were taken in.
 */
export function takeInOutboxFiles(dataDir: string, deps: { store: StationStore; outbox: OutboxRepo; logger: Logger; nowMs: () => number }): number {
  let taken = 0;
  for (const item of deps.outbox.withLegacyFiles()) {
    let zip: Buffer | null = null;
    if (item.state !== 'acknowledged') {
      try {
        const stat = fs.lstatSync(item.file);
        if (stat.isFile() && stat.size <= LEGACY_BUNDLE_CAP) zip = fs.readFileSync(item.file);
      } catch {
        // A copy already gone: the pusher says so on the Export screen (export the period again).
      }
    }
    deps.store.transaction(() => deps.outbox.adoptLegacyFile(item.idempotencyKey, zip));
    if (zip) taken += 1;
  }
  const folder = path.join(dataDir, OUTBOX_FOLDER);
  if (!fs.existsSync(folder)) return taken;
  makePrivateDir(folder);
  for (const name of fs.readdirSync(folder)) {
    const entry = path.join(folder, name);
    try {
      if (deps.nowMs() - fs.lstatSync(entry).mtimeMs < IN_PROGRESS_MS) continue;
      fs.rmSync(entry, { recursive: true, force: true });
    } catch (error) {
      deps.logger.warn(`outbox: could not remove ${entry}`, error);
    }
  }
  return taken;
}
