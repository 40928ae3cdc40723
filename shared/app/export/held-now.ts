import type { ShiftReport } from '../../contract';
import type { StationTime } from '../../domain/export';
import type { CoreContext } from '../core-context';
import { personNames } from '../crossings/person-names';

/** A printed page lists this many; the total says how many more wait on the Consular screen. */
const LISTED = 200;

/** Who is still held for consular as the shift report is made, oldest first, with who held them (times in the station's zone). */
export function heldNowForReport(ctx: CoreContext, time: StationTime): Pick<ShiftReport, 'heldNow' | 'heldNowTotal'> {
  const held = ctx.repos.corrections.held(LISTED);
  const names = personNames(ctx, held.items.map((c) => c.operatorId));
  return {
    heldNow: held.items.map((c) => ({
      crossingId: c.id,
      recordedAt: time.iso(Date.parse(c.recordedAt)),
      surname: c.document.surname,
      givenNames: c.document.givenNames,
      documentNumber: c.document.documentNumber,
      nationality: c.document.nationality,
      corridorId: c.corridorId,
      operatorName: c.operatorId ? (names.get(c.operatorId) ?? null) : null,
    })),
    heldNowTotal: held.total,
  };
}
