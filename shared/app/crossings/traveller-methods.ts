import { CoreFailure, type CoreApi, type TravellerSummary } from '../../contract';
import { birthDateVariants, normaliseDocumentNumber, sameIdentity } from '../../domain/corridor';
import { nameKey } from '../../domain/mrz';
import { overrideSeal, type ManifestEntryRow, type OverrideRow, type PassageRecordRow } from '../../node/db';
import { authorise } from './authorise';
import { appendCorrection, crossingWithState } from './correct-crossing';
import { toAlertViews } from '../alerts/alert-view';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import { toPassageRecords } from './passage-records';

const key = (documentNumber: string, nationality: string) => `${documentNumber}/${nationality}`;

function summarise(passages: readonly PassageRecordRow[], lines: readonly ManifestEntryRow[]): TravellerSummary[] {
  const people = new Map<string, TravellerSummary>();
  for (const p of [...passages].sort((a, b) => b.recordedAtMs - a.recordedAtMs)) {
    const k = key(p.documentNumber, p.nationality);
    const known = people.get(k);
    if (known) people.set(k, { ...known, crossings: known.crossings + 1 });
    else {
      people.set(k, {
        documentNumber: p.documentNumber,
        nationality: p.nationality,
        surname: p.document.surname,
        givenNames: p.document.givenNames,
        birthDate: p.birthDate,
        crossings: 1,
        lastSeenAt: p.recordedAt,
        onManifests: 0,
      });
    }
  }
  for (const line of lines) {
    const k = key(line.documentNumber, line.nationality);
    const known = people.get(k);
    people.set(
      k,
      known
        ? { ...known, onManifests: known.onManifests + 1 }
        : {
            documentNumber: line.documentNumber,
            nationality: line.nationality,
            surname: line.surname,
            givenNames: line.givenNames,
            birthDate: line.birthDate,
            crossings: 0,
            lastSeenAt: null,
            onManifests: 1,
          },
    );
  }
  return [...people.values()];
}

export function travellerMethods(ctx: CoreContext): Pick<CoreApi, 'searchTravellers' | 'getTravellerHistory' | 'overrideCrossing'> {
  return {
    searchTravellers: defineMethod(
      'searchTravellers',
      (input) => {
        const document = normaliseDocumentNumber(input.query);
        // Any query that could start a document number reads the document indexes (a range, `limit` rows at most).
        const documentPrefix = /^[A-Z0-9]{2,24}$/.test(document) ? document : undefined;
        const name = nameKey(input.query);
        // A document number (it has a digit) is never also run as a name search; a name goes through the trigram index.
        const nameKeyPart = !/\d/.test(document) && /[A-Z]{3}/.test(name) ? name : undefined;
        const query = { limit: input.limit, ...(documentPrefix ? { documentPrefix } : {}), ...(nameKeyPart ? { nameKeyPart } : {}) };
        const found = summarise(ctx.repos.passages.search(query), ctx.repos.groups.searchManifest(query));
        // An officer who types a whole document number means that document: it comes first, then the newest seen.
        const exact = (t: TravellerSummary) => (documentPrefix !== undefined && t.documentNumber === documentPrefix ? 0 : 1);
        found.sort((a, b) => exact(a) - exact(b) || (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? '') || a.surname.localeCompare(b.surname));
        return { items: found.slice(0, input.limit) };
      },
      ctx,
    ),
    getTravellerHistory: defineMethod(
      'getTravellerHistory',
      (input) => {
        const documentNumber = normaliseDocumentNumber(input.documentNumber);
        const nationality = input.nationality.toUpperCase();
        const own = ctx.repos.passages.forTraveller(documentNumber, nationality);
        const lines = ctx.repos.groups.manifestEntriesForDocument(documentNumber, nationality);
        // The same person under another document (a replaced passport): same birth date (or a near variant) and name.
        const anchor = own[0] ?? lines[0];
        const rows = new Map(own.map((p) => [p.id, p]));
        if (anchor?.birthDate) {
          for (const p of ctx.repos.passages.forIdentity(nationality, birthDateVariants(anchor.birthDate))) {
            if (!rows.has(p.id) && sameIdentity(anchor, p)) rows.set(p.id, p);
          }
        }
        const passages = [...rows.values()].sort((a, b) => b.recordedAtMs - a.recordedAtMs);
        const traveller = summarise(own, lines)[0] ?? null;
        const groupIds = new Set([...lines.map((l) => l.groupId), ...passages.map((p) => p.groupId).filter((g): g is string => g !== null)]);
        const groups = [...groupIds].flatMap((id) => {
          const g = ctx.repos.groups.get(id);
          return g ? [{ groupId: g.id, label: g.label, corridorId: g.corridorId }] : [];
        });
        const alerts = ctx.repos.alerts.list({ status: 'all', crossingIds: [...passages.map((p) => p.id), ...lines.map((l) => l.id)], limit: 100 });
        return { traveller, passages: toPassageRecords(ctx, passages), groups, alerts: toAlertViews(ctx, alerts.items) };
      },
      ctx,
    ),
    overrideCrossing: defineMethod(
      'overrideCrossing',
      async (input) => {
        const user = ctx.session.current;
        if (!user) throw new CoreFailure('unauthenticated', 'session.required');
        const row = ctx.repos.passages.get(input.crossingId);
        if (!row) throw new CoreFailure('not-found', 'crossing.noSuchCrossing');
        if (row.source !== 'local') throw new CoreFailure('conflict', 'crossing.recordedElsewhere', { station: row.stationId });
        // The same second-person rule as admitting a held or refused traveller (admitCrossing): the person who
        // decides confirms with their own PIN, is not the one who recorded the crossing, and is named on the override.
        const authoriser = await authorise(ctx, input.authoriser.username, input.authoriser.pin);
        if (authoriser.id === row.operatorId) throw new CoreFailure('forbidden', 'correction.authoriserIsOperator');
        const [current] = toPassageRecords(ctx, [row]);
        if (current?.effectiveOutcome === input.outcome) throw new CoreFailure('conflict', 'crossing.sameOutcome', { outcome: input.outcome });
        const target = crossingWithState(ctx, row.id);
        const override: OverrideRow = {
          id: ctx.newId(),
          crossingId: row.id,
          previousOutcome: current?.effectiveOutcome ?? row.outcome,
          outcome: input.outcome,
          reason: input.reason,
          operatorId: user.id,
          at: ctx.now().toISOString(),
          authorisedBy: authoriser.id,
          authoriserRole: authoriser.role,
          previousDisposition: null,
          disposition: null,
        };
        ctx.store.transaction(() => {
          ctx.repos.overrides.insert(override);
          audit(ctx, 'crossing.overridden', 'crossing', row.id, { overrideId: override.id, from: override.previousOutcome, to: override.outcome, ...overrideSeal(override) });
          // The outcome changes; the disposition does not (letting a held or refused traveller cross is admitCrossing).
          appendCorrection(ctx, target, { kind: 'override', outcome: input.outcome }, { reason: input.reason, overrideId: override.id });
        });
        ctx.events.emit({ type: 'log-changed', what: 'pairings' }, ctx.onListenerError);
        const reread = ctx.repos.passages.get(row.id);
        const [updated] = reread ? toPassageRecords(ctx, [reread]) : [];
        if (!updated) throw new CoreFailure('internal', 'crossing.vanished');
        return updated;
      },
      ctx,
    ),
  };
}
