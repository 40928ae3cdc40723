import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_OPTIONS, registerPrintToPdf } from '../../../electron/main/print-to-pdf';
import type { PrintToPdfOptions } from '../../../electron/main/electron-ports';
import { tempDir } from '../../support/temp-dir';
import { FakeIpcMain, appFrame } from './fakes';

/** Behaves like webContents.printToPDF: resolves with the PDF bytes and remembers the options. */
class FakePrintableContents {
  readonly calls: PrintToPdfOptions[] = [];
  constructor(private readonly fail?: Error) {}
  async printToPDF(options: PrintToPdfOptions): Promise<Uint8Array> {
    this.calls.push(options);
    if (this.fail) throw this.fail;
    return Buffer.from('%PDF-1.7\n% shift report\n%%EOF\n');
  }
}

function setUp(fail?: Error) {
  const ipc = new FakeIpcMain();
  const unregister = registerPrintToPdf(ipc);
  const sender = new FakePrintableContents(fail);
  const print = (input: unknown, frame = appFrame) => ipc.invokeWith('host:printToPdf', { senderFrame: frame, sender }, input);
  return { ipc, sender, print, unregister };
}

describe('print to PDF in Electron main', () => {
  it('prints the station window to an A4 PDF in the chosen folder, never over an earlier file', async () => {
    const { sender, print } = setUp();
    const folder = tempDir('checkpoint-usb-');
    const first = await print({ folder, fileName: 'shift-report_STN-1_2021-03-01.pdf' });
    expect(first).toEqual({ ok: true, value: { path: path.join(folder, 'shift-report_STN-1_2021-03-01.pdf'), bytes: 30 } });
    expect(fs.readFileSync(path.join(folder, 'shift-report_STN-1_2021-03-01.pdf'), 'latin1')).toMatch(/^%PDF-/);
    const second = await print({ folder, fileName: 'shift-report_STN-1_2021-03-01.pdf' });
    expect(second).toMatchObject({ ok: true, value: { path: path.join(folder, 'shift-report_STN-1_2021-03-01_2.pdf') } });
    expect(sender.calls).toEqual([PDF_OPTIONS, PDF_OPTIONS]);
  });

  it('refuses other windows, bad names, relative and missing folders without printing', async () => {
    const { sender, print } = setUp();
    const folder = tempDir('checkpoint-usb-');
    expect(await print({ folder, fileName: 'r.pdf' }, { url: 'https://evil.example/', parent: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const fileName of ['../r.pdf', '/etc/r.pdf', '.hidden.pdf', 'report.exe', 'a/b.pdf']) {
      expect(await print({ folder, fileName })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await print({ folder: 'usb', fileName: 'r.pdf' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/whole path/) } });
    expect(await print({ folder: path.join(folder, 'gone'), fileName: 'r.pdf' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/Plug in the USB stick/) } });
    expect(await print({ folder, fileName: 'r.pdf', extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(sender.calls).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('says why when Chromium cannot print, and writes nothing', async () => {
    const { print } = setUp(new Error('Failed to generate PDF'));
    const folder = tempDir('checkpoint-usb-');
    expect(await print({ folder, fileName: 'r.pdf' })).toMatchObject({ ok: false, error: { code: 'internal', message: 'The report could not be printed: Failed to generate PDF' } });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('unregisters its handler', () => {
    const { ipc, unregister } = setUp();
    expect([...ipc.handlers.keys()]).toEqual(['host:printToPdf']);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
