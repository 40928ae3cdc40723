/**
 * The built browser host as a person starts it (`dist/node/web-host.mjs`, needs `npm run build`):
 * malformed WebSocket frames against the running process, and what its log and the browser's command
 * line show. Before the fixes, each of the frames below ended the host, and both the log and the
 * `--open` command line carried the launch token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';

const HOST_SCRIPT = path.resolve('dist/node/web-host.mjs');
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

interface StartedHost {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly output: () => string;
}

/** Starts the host and waits until it prints `pattern`. */
function startHost(args: readonly string[], env: NodeJS.ProcessEnv, pattern: RegExp): Promise<StartedHost> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', tempDir(), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (origin && pattern.test(output)) {
        clearTimeout(timer);
        resolve({ child, origin, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited (${code}): ${output}`)));
  });
}

/** One client frame: FIN + opcode, optional mask (clients must mask), 7/16/64-bit length. */
function frame(opcode: number, payload: Buffer, options: { fin?: boolean; masked?: boolean; rsv1?: boolean } = {}): Buffer {
  const { fin = true, masked = true, rsv1 = false } = options;
  const head = [(fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode];
  const maskBit = masked ? 0x80 : 0;
  let length: Buffer;
  if (payload.length < 126) length = Buffer.from([maskBit | payload.length]);
  else if (payload.length < 65536) {
    length = Buffer.alloc(3);
    length[0] = maskBit | 126;
    length.writeUInt16BE(payload.length, 1);
  } else {
    length = Buffer.alloc(9);
    length[0] = maskBit | 127;
    length.writeBigUInt64BE(BigInt(payload.length), 1);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), length, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), length, mask, body]);
}

const closePayload = (code: number, reason = Buffer.alloc(0)) => Buffer.concat([Buffer.from([code >> 8, code & 0xff]), reason]);

const MALFORMED_FRAMES: Record<string, Buffer> = {
  'oversized (1 MiB text)': frame(0x1, Buffer.alloc(1024 * 1024, 0x61)),
  'invalid UTF-8 text': frame(0x1, Buffer.from([0xc3, 0x28, 0xff, 0xfe])),
  unmasked: frame(0x1, Buffer.from('hello'), { masked: false }),
  'reserved opcode 0x3': frame(0x3, Buffer.from('x')),
  'RSV1 without an extension': frame(0x1, Buffer.from('x'), { rsv1: true }),
  'fragmented ping': frame(0x9, Buffer.from('x'), { fin: false }),
  'close with invalid code and bad UTF-8 reason': frame(0x8, closePayload(999, Buffer.from([0xff]))),
};

/** Opens the event socket on a raw TCP connection, sends one frame, and resolves when the host hangs up. */
function sendRawFrame(origin: string, token: string, bytes: Buffer): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    let upgraded = false;
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error(`no answer: ${answer}`));
    });
    socket.on('connect', () => {
      socket.write(
        `GET /api/events?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (!upgraded && answer.includes('\r\n\r\n')) {
        upgraded = true;
        if (!answer.startsWith('HTTP/1.1 101')) reject(new Error(`not upgraded: ${answer}`));
        else socket.write(bytes);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

const getStatus = (origin: string, token: string) =>
  fetch(`${origin}/api/getStatus`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });

describe('the running browser host', () => {
  it('survives every malformed WebSocket frame, closing that socket only', async () => {
    const host = await startHost(['--print-token'], {}, /Address with the station token: \S+/);
    const token = /#token=([\w-]+)/.exec(host.output())?.[1] ?? '';
    expect(token).not.toBe('');
    for (const [name, bytes] of Object.entries(MALFORMED_FRAMES)) {
      await sendRawFrame(host.origin, token, bytes);
      expect(host.child.exitCode, `${name}: ${host.output()}`).toBeNull();
      expect((await getStatus(host.origin, token)).status, name).toBe(200);
    }
  });

  it('prints no token unless asked, and starts the browser with a one-time code, not the token', async () => {
    const bin = tempDir();
    const argsFile = path.join(bin, 'browser-args.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`, { mode: 0o755 });
    const host = await startHost(['--open'], { PATH: `${bin}:${process.env.PATH ?? ''}`, DISPLAY: ':99' }, /running at/);
    await expect.poll(() => fs.existsSync(argsFile) && fs.readFileSync(argsFile, 'utf8').length > 0).toBe(true);
    const opened = fs.readFileSync(argsFile, 'utf8').trim();
    expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?code=[\w-]+$/);
    expect(host.output()).not.toMatch(/token=/);

    // The browser trades the code for its own token; the code is spent.
    const response = await fetch(opened, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const token = /#token=([\w-]+)$/.exec(response.headers.get('location') ?? '')?.[1] ?? '';
    expect((await getStatus(host.origin, token)).status).toBe(200);
    expect((await fetch(opened, { redirect: 'manual' })).status).toBe(403);
    // The host prints a fresh one-time address for the next browser, still without a token.
    await expect.poll(() => host.output().match(/\/launch\?code=/g)?.length ?? 0).toBe(1);
    expect(host.output()).not.toContain(token);
  });
});
