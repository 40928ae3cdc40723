// `npm start`: launch the Electron app when its runtime is present, otherwise say so in one sentence
// and start the browser host instead. A newcomer never sees a stack trace from a missing binary.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Electron's own installer fetches the runtime on first use; on an offline machine it fails fast. */
function tryDownloadElectron() {
  if (process.env.CHECKPOINT_SKIP_ELECTRON_DOWNLOAD === '1') return;
  try {
    spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'ignore', timeout: 90_000 });
  } catch {
    // Any failure means the same as a missing binary: use the browser host.
  }
}

function startBrowserHost(reason) {
  console.log(`${reason} Starting Checkpoint Station in your web browser instead.`);
  const child = spawn(process.execPath, ['dist/node/web-host.mjs', '--open', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (process.env.CHECKPOINT_HOST === 'web') {
  startBrowserHost('CHECKPOINT_HOST=web is set.');
} else {
  let binary = electronBinary();
  if (!binary) {
    tryDownloadElectron();
    binary = electronBinary();
  }
  if (!binary) {
    startBrowserHost('The Electron runtime is not installed and could not be downloaded on this machine.');
  } else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    startBrowserHost('There is no graphical display for the desktop window.');
  } else {
    const child = spawn(binary, ['.'], { stdio: 'inherit' });
    child.on('error', () => startBrowserHost('The Electron runtime could not be started.'));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
