import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PRINT_TO_PDF_CHANNEL, coreError, type CoreResult } from '../../shared/contract';
import { err, ok } from '../../shared/domain/result';
import { freeName, writeFileDurable } from '../../shared/node/export';
import { isTrustedSender } from './core-ipc';
import type { FrameLike, IpcMainLike, PrintToPdfOptions } from './electron-ports';

const PrintRequestSchema = z.strictObject({
  folder: z.string().trim().min(1).max(1000),
  // A plain file name: letters, digits, dot, dash, underscore; no path, no hidden file.
  fileName: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/, 'The file name must be a plain name ending in .pdf.'),
});

export const PDF_OPTIONS: PrintToPdfOptions = { pageSize: 'A4', printBackground: true, landscape: false, margins: { marginType: 'default' } };

/**
 * `host:printToPdf`: the station window prints itself (the shift report in its print layout) to a PDF in a
 * folder the shift lead typed (a USB stick). Same sender check as the core calls; never overwrites a file.
 */
export function registerPrintToPdf(ipcMain: IpcMainLike, trusted: (frame: FrameLike | null) => boolean = isTrustedSender): () => void {
  ipcMain.handle(PRINT_TO_PDF_CHANNEL, async (event, ...args): Promise<CoreResult<{ path: string; bytes: number }>> => {
    if (!trusted(event.senderFrame) || !event.sender) return err(coreError('forbidden', 'Printing is accepted only from the station window.'));
    const parsed = PrintRequestSchema.safeParse(args[0]);
    if (args.length > 1 || !parsed.success) return err(coreError('invalid-input', parsed.error?.issues[0]?.message ?? 'printToPdf takes exactly one argument.'));
    const { folder, fileName } = parsed.data;
    if (!path.isAbsolute(folder)) return err(coreError('invalid-input', `Give the whole path of the folder (for example /media/usb or E:\\), not "${folder}".`));
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      return err(coreError('not-found', `The folder ${folder} does not exist. Plug in the USB stick and check the path.`));
    }
    try {
      const pdf = await event.sender.printToPDF(PDF_OPTIONS);
      const target = path.join(folder, freeName(folder, fileName.slice(0, -4), '.pdf'));
      writeFileDurable(target, pdf);
      return ok({ path: target, bytes: pdf.length });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') return err(coreError('storage-failure', 'The USB stick (or disk) is full: the report was not saved.'));
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return err(coreError('storage-failure', `The folder ${folder} cannot be written to (${code}).`));
      return err(coreError('internal', `The report could not be printed: ${(error as Error).message}`));
    }
  });
  return () => ipcMain.removeHandler(PRINT_TO_PDF_CHANNEL);
}
