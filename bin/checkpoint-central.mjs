#!/usr/bin/env node
// The `checkpoint-central` command: runs the bundled hub CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'node', 'central.mjs');
if (!existsSync(cli)) {
  process.stderr.write('checkpoint-central: the hub is not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
