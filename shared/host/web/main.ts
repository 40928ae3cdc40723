import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, idleSignOutMsFrom } from '../../app';
import { acquireDataDirLock } from '../../node/paths/data-dir-lock';
import { defaultDataDir } from '../../node/paths/default-data-dir';
import { ScannerManager } from '../../node/scanners';
import { startWebHost } from './web-host';

export const WEB_HOST_USAGE = `Usage: node dist/node/web-host.mjs [--port N] [--data-dir DIR] [--open] [--print-token] [--idle-minutes N]

Runs Checkpoint Station in a web browser on this PC (127.0.0.1 only) and prints a one-time address to open.
  --port N        port to listen on (default CHECKPOINT_PORT, else any free port)
  --data-dir DIR  the station's data folder (default CHECKPOINT_DATA_DIR, else the user's data folder)
  --open          open the address in the default browser
  --print-token   also print the address with the station token (otherwise only one-time start addresses)
  --idle-minutes N  sign the person at the lane out after N idle minutes (default CHECKPOINT_IDLE_MINUTES, else 10; 0 never)
  --help          print this text
One station runs per data folder: a second one on the same folder refuses to start.`;

/** `npm run start:web`: the station in a normal browser, for PCs without the Electron binary and for e2e tests. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.CHECKPOINT_PORT ?? '0' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      'print-token': { type: 'boolean', default: false },
      'idle-minutes': { type: 'string', default: process.env.CHECKPOINT_IDLE_MINUTES },
    },
  });
  if (values.help) {
    console.log(WEB_HOST_USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  // Scanner devices belong to this process; missing drivers or devices only show as scanner statuses.
  // Before the database opens: a second host on this folder stops here with a sentence.
  const lock = acquireDataDirLock(dataDir);
  const scanners = new ScannerManager({ warn: (message, error) => console.warn(`Scanners: ${message}`, error ?? '') });
  const idleSignOutMs = idleSignOutMsFrom(values['idle-minutes']);
  const core = await createCore({ dataDir, appVersion: packageVersion(), scanners, idleSignOutMs });
  // The token never goes to the log or a command line (`ps` shows both to other users): the printed and
  // the opened addresses carry a one-time launch code instead, traded for a token by the first browser.
  const printLaunchUrl = () => console.log(`Open this address in a browser on this PC (good once, for 10 minutes): ${host.launchUrl()}`);
  const host = await startWebHost({ core, staticDir, port, onLaunchCodeUsed: printLaunchUrl });
  console.log(`Checkpoint Station is running at ${host.origin}/ (data: ${dataDir}).`);
  if (values['print-token']) console.log(`Address with the station token: ${host.url}`);
  // Without a browser to start (no display), the printed one-time address is the way in.
  if (!values.open || !openBrowser(host.launchUrl())) printLaunchUrl();
  const stop = () => {
    void host.close().finally(() => {
      core.close();
      lock.release();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The bundle sits in dist/node; package.json two folders up names the version shown in the status bar. */
function packageVersion(): string {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'dev';
  } catch {
    return 'dev';
  }
}

/** Starts the default browser on `url`; false when there is no display or no launcher. */
function openBrowser(url: string): boolean {
  const command = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(`Checkpoint Station could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
