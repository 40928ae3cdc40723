import type { ManifestProblem, ManifestRow } from '../../domain/corridor';

export interface ManifestWorkerRequest {
  readonly format: 'csv' | 'xlsx';
  /** CSV text, or the XLSX file as base64. */
  readonly content: string;
}

export type ManifestWorkerAnswer =
  | { readonly ok: true; readonly rows: ManifestRow[]; readonly problems: ManifestProblem[] }
  /** `unreadable`: a ManifestReadError (said to the person); otherwise a fault of the reader. */
  | { readonly ok: false; readonly unreadable: boolean; readonly message: string };
