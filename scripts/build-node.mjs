// Bundles the Node-side entry points with esbuild. Dependencies stay external (resolved from
// node_modules at run time, native modules included) except in the preload, which runs sandboxed
// and may only require 'electron', so it is bundled whole.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  loader: { '.sql': 'text' },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['shared/host/web/main.ts'], outfile: 'dist/node/web-host.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['shared/cli/main.ts'], outfile: 'dist/node/cli.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['central/cli/main.ts'], outfile: 'dist/node/central.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  // The manifest reader's worker thread, bundled whole beside each host that starts it (unpacked from the asar).
  build({ ...common, entryPoints: ['shared/node/manifest/manifest-worker.ts'], outfile: 'dist/node/manifest-worker.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['shared/node/manifest/manifest-worker.ts'], outfile: 'dist/electron/manifest-worker.cjs', format: 'cjs' }),
]);
