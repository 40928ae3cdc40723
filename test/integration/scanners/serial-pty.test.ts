import { afterEach, describe, expect, it } from 'vitest';
import type { ScannerAssignment, ScannerFeedEntry, ScannerStatus } from '../../../shared/contract/scanner';
import type { ScanEvent } from '../../../shared/domain/scanner-input';
import { createCore, silentLogger } from '../../../shared/app';
import type { CoreEvent } from '../../../shared/contract';
import { ScannerManager } from '../../../shared/node/scanners';
import { TAJIK_PASSPORT } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { unwrap } from '../../support/result';
import { HAS_SOCAT, PtyPair, pause } from '../../support/socat-pty';
import { tempDir } from '../../support/temp-dir';

const STX = '\x02';
const ETX = '\x03';
const SOH = '\x01';
const HC1 = 'HC1:6BFOXN%TSMAHN-H/OCLWV5LFFMOTK6LR8Y4C7AJ+7TM*46GUC0SLX8UPT9ZLK1JZZPQA37S47*KB*KYQTKWT';
const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

const running: { pty: PtyPair; manager: ScannerManager }[] = [];

afterEach(async () => {
  for (const { pty, manager } of running.splice(0)) {
    await manager.stop();
    await pty.stop();
  }
});

/** A serial reader on a real PTY pair, read through the real serialport package with real timers. */
async function serialReader(framing: Extract<ScannerAssignment, { kind: 'serial' }>['framing']) {
  const pty = PtyPair.inDir(tempDir('checkpoint-pty-'));
  await pty.start();
  const scans: ScanEvent[] = [];
  const statuses: ScannerStatus[] = [];
  const feed: ScannerFeedEntry[] = [];
  const manager = new ScannerManager({ hid: null, backoffMs: [100, 200], warn: () => undefined });
  running.push({ pty, manager });
  const assignment: ScannerAssignment = { kind: 'serial', lane: 'lane-1', path: pty.reader, baudRate: 9600, framing };
  manager.start({ scan: (event) => scans.push(event), status: (status) => statuses.push(status), feed: (entry) => feed.push(entry) }, [assignment]);
  await expect.poll(() => statuses.at(-1)?.state).toBe('connected');
  return { pty, manager, scans, statuses, feed };
}

const SUITE = HAS_SOCAT
  ? 'serial passport readers on a socat pseudo-terminal pair'
  : 'serial passport readers: SKIPPED because socat is not installed (apt-get install socat; .ci/run does)';

describe.skipIf(!HAS_SOCAT)(SUITE, () => {
  it('frames STX…ETX packets split over writes, merged in one write, with garbage and a timed-out partial frame', async () => {
    const { pty, scans, feed } = await serialReader('stx-etx');

    // One frame split across three writes.
    pty.write(`${STX}${SPECIMEN[0]}`);
    await pause(20);
    pty.write(`\r${SPECIMEN[1]}`);
    await pause(20);
    pty.write(ETX);
    await expect.poll(() => scans.length).toBe(1);

    // Two frames in one write, with line noise and garbage between them.
    pty.write(`${STX}${HC1}${ETX}\r\n#?!${STX}${TAJIK_PASSPORT.lines.join('\r')}${ETX}`);
    await expect.poll(() => scans.length).toBe(3);

    // A frame whose end never comes is dropped after the partial-frame timeout, and the next one is read.
    pty.write(`${STX}P<UTOERIKS`);
    await expect.poll(() => feed.some((entry) => entry.outcome === 'error')).toBe(true);
    pty.write(`${STX}${HC1}${ETX}`);
    await expect.poll(() => scans.length).toBe(4);

    expect(scans.map((scan) => scan.payload)).toEqual([SPECIMEN.join('\r'), HC1, TAJIK_PASSPORT.lines.join('\r'), HC1]);
    expect(scans.every((scan) => scan.source === 'serial' && scan.deviceId === `serial:${pty.reader}`)).toBe(true);
    const outcomes = feed.map((entry) => entry.outcome);
    expect(outcomes).toEqual(['scan', 'scan', 'garbage', 'scan', 'error', 'scan']);
    expect(feed[2]).toMatchObject({ framing: 'STX…ETX frame', message: '3 bytes outside a frame skipped.' });
    expect(feed[4]?.message).toBe('No end of frame within 500 ms; partial frame dropped.');
    expect(feed[0]?.framing).toBe(`STX…ETX frame, 2 lines, ${SPECIMEN.join('\r').length} bytes`);
    // The test area shows the raw bytes that produced the frame, markers included.
    expect(Buffer.from(feed[0]?.rawHex ?? '', 'hex').toString('latin1')).toBe(`${STX}${SPECIMEN.join('\r')}${ETX}`);
  });

  it('joins a two-line MRZ sent as CR/LF lines into one scan, even byte by byte', async () => {
    const { pty, scans, feed } = await serialReader('lines');
    for (const byte of `${SPECIMEN[0]}\r\n${SPECIMEN[1]}\r\n`) pty.write(byte);
    await expect.poll(() => scans.length).toBe(1);
    expect(scans[0]?.payload).toBe(SPECIMEN.join('\n'));
    expect(feed.at(-1)?.framing).toBe('CR/LF lines, 2 lines, 89 bytes');

    // Two MRZs back to back with a blank line between them are two scans.
    pty.write(`${TAJIK_PASSPORT.lines[0]}\r\n${TAJIK_PASSPORT.lines[1]}\r\n\r\n${SPECIMEN[0]}\n${SPECIMEN[1]}\n`);
    await expect.poll(() => scans.length).toBe(3);
    expect(scans.slice(1).map((scan) => scan.payload)).toEqual([TAJIK_PASSPORT.lines.join('\n'), SPECIMEN.join('\n')]);
  });

  it('reads SOH…ETX frames', async () => {
    const { pty, scans } = await serialReader('soh-etx');
    pty.write(`garbage${SOH}${HC1.slice(0, 20)}`);
    await pause(20);
    pty.write(`${HC1.slice(20)}${ETX}`);
    await expect.poll(() => scans.map((scan) => scan.payload)).toEqual([HC1]);
  });

  it('shows the reader as disconnected when the port goes away and reconnects when it is back', async () => {
    const { pty, scans, statuses } = await serialReader('stx-etx');
    await pty.stop();
    await expect.poll(() => statuses.at(-1)?.state).toBe('disconnected');
    expect(statuses.find((status) => status.state === 'disconnected')?.message).toMatch(/^Scanner disconnected \(the port went away\)\. Trying again in 1 s\.$/);

    await pty.start();
    await expect.poll(() => statuses.at(-1)?.state, { timeout: 10_000 }).toBe('connected');
    pty.write(`${STX}${HC1}${ETX}`);
    await expect.poll(() => scans.map((scan) => scan.payload)).toEqual([HC1]);
  });

  it('turns a 2-line MRZ from a serial reader into a core scan pushed to the lane', async () => {
    const pty = PtyPair.inDir(tempDir('checkpoint-pty-'));
    await pty.start();
    const manager = new ScannerManager({ hid: null, backoffMs: [100], warn: () => undefined });
    running.push({ pty, manager });
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap('admin', { roles: ['operator'] }), scanners: manager });
    const events: CoreEvent[] = [];
    core.subscribe((event) => events.push(event));
    try {
      unwrap(await core.assignScanner({ assignment: { kind: 'serial', path: pty.reader, baudRate: 115200, framing: 'lines' } }));
      await expect.poll(() => events.some((event) => event.type === 'scanner-status' && event.scanner.state === 'connected')).toBe(true);
      await core.logout({});
      unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
      unwrap(await core.setLaneContext({ direction: 'exit', openScanId: null }));

      pty.write(`${TAJIK_PASSPORT.lines[0]}\r\n${TAJIK_PASSPORT.lines[1]}\r\n`);
      await expect.poll(() => events.filter((event) => event.type === 'scan-received').length).toBe(1);
      const received = events.find((event) => event.type === 'scan-received');
      expect(received).toMatchObject({
        lane: 'lane-1',
        deviceId: `serial:${pty.reader}`,
        scan: { source: 'serial', classification: { kind: 'mrz' }, document: { documentNumber: TAJIK_PASSPORT.documentNumber, surname: TAJIK_PASSPORT.surname } },
      });
      // The Settings test area shows the raw bytes and the framing.
      await signInAdmin(core);
      const feed = unwrap(await core.getScannerFeed({ limit: 1 })).entries[0];
      expect(feed).toMatchObject({ outcome: 'scan', framing: 'CR/LF lines, 2 lines, 89 bytes', text: TAJIK_PASSPORT.lines.join('\n'), rawBytes: 92 });
    } finally {
      core.close();
    }
  });
});

async function signInAdmin(core: Awaited<ReturnType<typeof createCore>>): Promise<void> {
  await core.logout({});
  unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
}
