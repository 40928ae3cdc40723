import type { CoreClient } from '../../core-client/core-client';
import type { CoreError } from '../../../shared/contract';

export type PrintOutcome = { readonly kind: 'saved'; readonly path: string } | { readonly kind: 'dialog' } | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'refused'; readonly error: CoreError };

/** `shift-report_<station>_<from>.pdf`, a plain name Electron main accepts. */
export function reportFileName(stationId: string, fromIso: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '');
  return `shift-report_${safe(stationId)}_${safe(fromIso.slice(0, 16).replace('T', '-').replace(':', ''))}.pdf`;
}

/**
 * Prints the report view: in Electron, main writes the PDF into the chosen folder (printToPDF); in the browser
 * host, the browser's print dialog opens (its "Save as PDF" does the same). The print CSS shows only the report.
 */
export async function printReport(
  core: CoreClient,
  folder: string,
  fileName: string,
  /** What to say when no folder is typed, in the screen's language. */
  needFolder: string,
  print: () => void = () => window.print(),
): Promise<PrintOutcome> {
  if (!core.printToPdf) {
    print();
    return { kind: 'dialog' };
  }
  if (folder.trim() === '') return { kind: 'failed', message: needFolder };
  const result = await core.printToPdf({ folder: folder.trim(), fileName });
  return result.ok ? { kind: 'saved', path: result.value.path } : { kind: 'refused', error: result.error };
}
