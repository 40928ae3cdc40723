import type { ShiftReport } from '../../contract';
import type { StationTime } from '../../domain/export';
import type { CoreContext } from '../core-context';
import { personNames } from '../crossings/person-names';
import type { JudgedTraveller } from '../scan/judged-travellers';

/** A printed page lists this many; the total says how many more wait in the lane's strip. */
const LISTED = 200;

/**
 * Who was decided at the lane and never recorded, as the shift report is made: per operator who scanned them
 * (by name; travellers parked before the station stored the operator come last), oldest first within each.
 */
export function parkedNowForReport(ctx: CoreContext, time: StationTime, unrecorded: readonly JudgedTraveller[]): Pick<ShiftReport, 'parkedNow' | 'parkedNowTotal'> {
  const names = personNames(ctx, unrecorded.map((p) => p.operatorId ?? null));
  const rows = unrecorded.flatMap((p) => {
    const document = p.document;
    if (!document) return [];
    return [
      {
        scanId: p.result.scanId,
        scannedAtMs: Date.parse(p.result.receivedAt),
        surname: document.surname,
        givenNames: document.givenNames,
        documentNumber: document.documentNumber,
        nationality: document.nationality,
        outcome: p.result.decision.outcome,
        operatorName: p.operatorId ? (names.get(p.operatorId) ?? null) : null,
      },
    ];
  });
  rows.sort((a, b) => {
    if (a.operatorName !== b.operatorName) {
      if (a.operatorName === null) return 1;
      if (b.operatorName === null) return -1;
      return a.operatorName.localeCompare(b.operatorName);
    }
    return a.scannedAtMs - b.scannedAtMs;
  });
  return {
    parkedNow: rows.slice(0, LISTED).map(({ scannedAtMs, ...row }) => ({ ...row, scannedAt: time.iso(scannedAtMs) })),
    parkedNowTotal: rows.length,
  };
}
