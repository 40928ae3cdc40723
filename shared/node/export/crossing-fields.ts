import type { Crossing } from '../../contract';
import type { ExportableCrossing, ExportableCrossingV2 } from '../../domain/export';
import type { CrossingExportColumns } from '../db';

// Compile-time guard: every field of the contract's Crossing must have a place in the export format.
// A field added to crossing.ts shows up here as a type error naming it, until export-rows.ts writes it.
// `delivery` is the row's state towards the central system, not part of the record itself.
type Unexported = Exclude<keyof Crossing, keyof ExportableCrossingV2 | 'delivery'>;
export const EVERY_CROSSING_FIELD_IS_EXPORTED: [Unexported] extends [never] ? true : Unexported = true;

/** A stored crossing is an exportable one (the types agree field by field). */
export const asExportable = (crossing: Crossing): ExportableCrossing => crossing;

type Reasons = ExportableCrossing['reasons'];

/**
 * Reads crossings from raw columns (ExportsRepo.exportColumnsPage) as the export format takes them. Most
 * crossings of a day share a handful of reason lists: each distinct reasons_json text is parsed once (frozen,
 * since rows share it; crossingExportRow copies it into the row).
 */
export function exportableReader(): (columns: CrossingExportColumns) => ExportableCrossing {
  const reasonsByText = new Map<string, Reasons>();
  const reasonsOf = (json: string): Reasons => {
    let reasons = reasonsByText.get(json);
    if (reasons === undefined) {
      reasons = Object.freeze((JSON.parse(json) as Reasons).map((reason) => Object.freeze(reason)));
      // Bounded: a day with thousands of distinct lists just parses the rest.
      if (reasonsByText.size < 1000) reasonsByText.set(json, reasons);
    }
    return reasons;
  };
  return (c) => ({
    id: c[1],
    sequence: c[0],
    recordedAt: c[2],
    stationId: c[3],
    checkpointId: c[4],
    corridorId: c[5],
    groupId: c[6],
    operatorId: c[7],
    direction: c[8],
    outcome: c[9],
    reasons: reasonsOf(c[10]),
    document: JSON.parse(c[11]) as ExportableCrossing['document'],
    scanSource: c[12],
    note: c[13],
    ruleProfileId: c[14],
    ruleProfileVersion: c[15],
  });
}
