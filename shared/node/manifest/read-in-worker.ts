import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ManifestProblem, ManifestRow } from '../../domain/corridor';
import type { ManifestWorkerAnswer, ManifestWorkerRequest } from './manifest-worker-messages';
import { ManifestReadError } from './read-manifest';

/** A manifest of 5,000 rows reads in seconds; one still reading after this is abandoned (its thread ended). */
const READ_TIMEOUT_MS = 120_000;
/** Heap of the reading thread: a bounded workbook needs far less; a bomb the bounds missed ends there, not in the core. */
const WORKER_HEAP_MB = 512;
export const MANIFEST_WORKER_FILE = 'manifest-worker.cjs';

/** How long and with how much heap the reading thread may work (smaller in tests that prove the refusals). */
export interface ManifestReadLimits {
  readonly timeoutMs?: number;
  readonly heapMb?: number;
}

let sourceBuild: Promise<string> | undefined;

/**
 * The bundled worker next to this module (dist/node, dist/electron; beside an asar, its unpacked copy). Run from
 * TypeScript sources (tests, scripts), the worker is bundled once per process with esbuild, a development tool.
 */
function workerScript(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  const built = path.join(path.dirname(here), MANIFEST_WORKER_FILE).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (fs.existsSync(built)) return Promise.resolve(built);
  sourceBuild ??= (async () => {
    const { build } = await import('esbuild');
    const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-manifest-worker-')), MANIFEST_WORKER_FILE);
    await build({ entryPoints: [path.join(path.dirname(here), 'manifest-worker.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
    return outfile;
  })();
  return sourceBuild;
}

/**
 * Reads a manifest file in a worker thread, so a large workbook never holds up the lane: the core's event loop only
 * waits for the answer. A file the reader refuses is a ManifestReadError in words; a thread that runs out of memory
 * or time is one too (nothing is imported).
 */
export async function readManifestRows(request: ManifestWorkerRequest, limits: ManifestReadLimits = {}): Promise<{ rows: ManifestRow[]; problems: ManifestProblem[] }> {
  const timeoutMs = limits.timeoutMs ?? READ_TIMEOUT_MS;
  const script = await workerScript();
  const answer = await new Promise<ManifestWorkerAnswer>((resolve, reject) => {
    const worker = new Worker(script, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb ?? WORKER_HEAP_MB } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ManifestReadError(`Reading the file took longer than ${Math.max(1, Math.round(timeoutMs / 1000))} seconds. Nothing was imported.`));
    }, timeoutMs);
    timer.unref?.();
    const settle = () => clearTimeout(timer);
    worker.once('message', (message: ManifestWorkerAnswer) => {
      settle();
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle();
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ManifestReadError('The file needs more memory to read than a manifest can. Nothing was imported.') : error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`the manifest reader stopped (exit code ${code}) without an answer`));
    });
  });
  if (answer.ok) return { rows: answer.rows, problems: answer.problems };
  throw answer.unreadable ? new ManifestReadError(answer.message) : new Error(`the manifest reader failed: ${answer.message}`);
}
