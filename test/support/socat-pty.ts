import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Whether socat can be run here (.ci/run installs it; the serial tests skip with one line without it). */
export const HAS_SOCAT = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

/**
 * A real pseudo-terminal pair: bytes written to `writer` arrive at `reader` as at a serial port, which
 * the scanner manager opens with the real serialport package.
 * `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`.
 */
export class PtyPair {
  private child: ChildProcess | undefined;
  private fd: number | undefined;

  constructor(
    readonly reader: string,
    readonly writer: string,
  ) {}

  static inDir(dir: string): PtyPair {
    return new PtyPair(path.join(dir, 'reader'), path.join(dir, 'writer'));
  }

  async start(): Promise<void> {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.reader}`, `pty,raw,echo=0,link=${this.writer}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    // socat logs "starting data transfer loop" once both ends exist.
    for (let waited = 0; !log.includes('starting data transfer loop'); waited += 10) {
      if (child.exitCode !== null) throw new Error(`socat exited: ${log}`);
      if (waited > 10_000) throw new Error(`socat did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  write(data: string | Uint8Array): void {
    this.fd ??= fs.openSync(this.writer, 'w');
    fs.writeSync(this.fd, typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Ends socat: the reader side goes away, as when a USB serial reader is unplugged. */
  async stop(): Promise<void> {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
