import { z } from 'zod';
import type { BoardTone, HubPermission, HubRole } from '../domain/central';
import type { CentralAlertCode } from '../domain/corridor/journey/central-alerts';
import type { GroupBoardRow, JourneyState, StepMark } from '../domain/corridor/journey';

/**
 * The hub web UI's API (`/api/…` on the hub): the queries it takes and the answers it gives. The hub validates
 * every query with these schemas; the UI reads the answers with these types. Times are epoch milliseconds.
 */

const id = z.string().min(1).max(200);
export const BoardQuery = z.strictObject({ hours: z.coerce.number().int().min(1).max(24 * 31).default(36), corridor: id.optional() });
export const BusQuery = z.strictObject({ corridor: id, group: id, hours: z.coerce.number().int().min(1).max(24 * 31).default(36) });
export const PersonQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });
export const JourneyQuery = z.strictObject({ corridor: id, key: id });
export const StatisticsQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(92).default(14) });
export const NoQuery = z.strictObject({});
export const AcknowledgeBody = z.strictObject({ note: z.string().trim().max(2000).nullable().default(null) });
export const SignInBody = z.strictObject({ name: z.string().min(1).max(64), secret: z.string().min(1).max(200) });

export interface HubSessionAnswer {
  readonly user: { readonly name: string; readonly role: HubRole };
  readonly permissions: readonly HubPermission[];
  readonly expiresAt: string;
}

export interface CorridorView {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly steps: readonly { readonly checkpointId: string; readonly country: string; readonly direction: 'entry' | 'exit' }[];
  /** Between step i and i + 1: the usual and the longest minutes. */
  readonly legs: readonly { readonly expectedMinutes: number; readonly maxMinutes: number }[];
}

export interface BoardRowView extends GroupBoardRow {
  readonly tone: BoardTone;
}

export interface BoardAnswer {
  readonly asOfMs: number;
  readonly corridors: readonly CorridorView[];
  readonly rows: readonly BoardRowView[];
}

/** A person on a journey, as the bus view and the journey view show them. */
export interface PersonOnJourney {
  readonly corridorId: string;
  readonly journeyKey: string;
  readonly groupId: string | null;
  readonly state: JourneyState;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly nameKey: string;
  readonly birthDate: string | null;
  readonly pairedBy: 'document' | 'identity';
  readonly documents: readonly string[];
  readonly marks: readonly StepMark[];
  readonly lastSeen: { readonly checkpointId: string; readonly atMs: number; readonly disposition: string };
  readonly nextCheckpointId: string | null;
  readonly expectedAtMs: number | null;
  readonly deadlineMs: number | null;
}

export interface BusAnswer {
  readonly asOfMs: number;
  readonly corridor: CorridorView;
  readonly groupId: string;
  readonly people: readonly PersonOnJourney[];
}

export interface PersonHitView {
  readonly corridorId: string;
  readonly journeyKey: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly nameKey: string;
  readonly birthDate: string | null;
  readonly lastSeenAtMs: number;
}

export interface PersonsAnswer {
  readonly hits: readonly PersonHitView[];
}

export interface JourneyEventView {
  readonly crossingId: string;
  readonly checkpointId: string;
  readonly stationId: string;
  readonly atMs: number;
  readonly disposition: string;
  readonly reverse: boolean;
  readonly documentNumber: string;
}

export interface JourneyAnswer {
  readonly asOfMs: number;
  readonly corridor: CorridorView;
  readonly person: PersonOnJourney;
  readonly events: readonly JourneyEventView[];
}

export interface StationHealthView {
  readonly stationId: string;
  /** SHA-256 of the station's registered key: what its Export screen shows. */
  readonly fingerprint: string;
  readonly corridorId: string | null;
  readonly revokedAtMs: number | null;
  readonly lastBundleAtMs: number | null;
  readonly coveredUntilMs: number | null;
  readonly lastContactAtMs: number | null;
  readonly bundles: number;
  readonly openGaps: number;
}

export interface StationsAnswer {
  readonly asOfMs: number;
  readonly stations: readonly StationHealthView[];
}

export interface AlertView {
  readonly id: number;
  readonly code: CentralAlertCode;
  readonly severity: 'warning' | 'critical';
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly checkpointId: string | null;
  readonly stationId: string | null;
  readonly params: Readonly<Record<string, string | number>>;
  readonly sinceMs: number;
  readonly acknowledged: { readonly by: string; readonly atMs: number; readonly note: string | null } | null;
}

export interface AlertsAnswer {
  readonly alerts: readonly AlertView[];
}

export interface DailyCountView {
  readonly day: string;
  readonly corridorId: string;
  readonly checkpointId: string;
  readonly crossed: number;
  readonly refused: number;
  readonly held: number;
}

export interface StatisticsAnswer {
  readonly sinceDay: string;
  readonly counts: readonly DailyCountView[];
}

export interface CorridorsAnswer {
  readonly corridors: readonly CorridorView[];
}

/** The tables the UI can download as CSV or XLSX: `/api/<table>/export.csv` with the table's own query. */
export const HUB_TABLES = ['board', 'bus', 'persons', 'journey', 'stations', 'alerts', 'statistics', 'corridors'] as const;
export type HubTable = (typeof HUB_TABLES)[number];

export interface HubErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly retryable: boolean; readonly until?: string };
}
