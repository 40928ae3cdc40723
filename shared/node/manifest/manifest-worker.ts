/**
 * Worker thread entry (bundled as CommonJS: its dependencies require Node modules at run time): reads one manifest file (CSV text or XLSX bytes as base64) into checked rows and problems,
 * off the core's event loop, and posts the answer. Bundled on its own (scripts/build-node.mjs) with everything it
 * needs, so it loads from any folder (also unpacked beside an Electron asar).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { manifestRowsFromTable } from '../../domain/corridor';
import { ManifestReadError, readCsvTable, readXlsxTable } from './read-manifest';
import type { ManifestWorkerAnswer, ManifestWorkerRequest } from './manifest-worker-messages';

async function read(request: ManifestWorkerRequest): Promise<ManifestWorkerAnswer> {
  try {
    const table = request.format === 'csv' ? readCsvTable(request.content) : await readXlsxTable(Buffer.from(request.content, 'base64'));
    return { ok: true, ...manifestRowsFromTable(table) };
  } catch (error) {
    return { ok: false, unreadable: error instanceof ManifestReadError, message: error instanceof Error ? error.message : String(error) };
  }
}

void read(workerData as ManifestWorkerRequest).then((answer) => parentPort?.postMessage(answer));
