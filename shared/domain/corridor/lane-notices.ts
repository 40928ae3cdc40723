import type { Outcome } from '../decision';
import type { Disposition } from './disposition';
import { matchMethod } from './match-identity';
import type { Identity, PassageDirection } from './types';

/** What the decision panel says before the operator records (never after Enter, when it is too late). */
export type LaneNotice =
  | {
      readonly code: 'already-recorded';
      readonly crossingId: string;
      readonly sequence: number;
      readonly recordedAt: string;
      readonly direction: PassageDirection;
      readonly disposition: Disposition;
      readonly outcome: Outcome;
    }
  | { readonly code: 'not-on-manifest'; readonly groupId: string; readonly groupLabel: string }
  | { readonly code: 'on-other-manifest'; readonly groupId: string; readonly groupLabel: string }
  | { readonly code: 'minor-without-companion'; readonly companionDocumentNumber: string | null };

export interface LaneNoticeFacts {
  readonly traveller: Identity;
  readonly minor: boolean;
  /** This station's records of the same document today, not voided, newest first. */
  readonly earlier: readonly { readonly id: string; readonly sequence: number; readonly recordedAt: string; readonly direction: PassageDirection; readonly disposition: Disposition; readonly outcome: Outcome }[];
  /** The bus selected at the lane, with its manifest; `listed`: the manifest was imported (not built by scanning). */
  readonly laneGroup: { readonly id: string; readonly label: string; readonly listed: boolean; readonly lines: readonly (Identity & { readonly companionDocumentNumber: string | null; readonly minor: boolean })[] } | null;
  /** Manifest lines with this document in other buses that have not left yet. */
  readonly otherGroups: readonly { readonly id: string; readonly label: string }[];
  /** Documents of people of the lane's bus already recorded as crossed here, or waiting at the lane now. */
  readonly companionsPresent: ReadonlySet<string>;
}

/**
 * The notices for a traveller at the lane, before Enter: recorded already today (with what and when, so the
 * operator amends instead of recording twice), not on the selected bus's list, on another bus's list, a minor
 * whose accompanying adult has not been seen.
 */
export function laneNotices(f: LaneNoticeFacts): LaneNotice[] {
  const notices: LaneNotice[] = [];
  const latest = f.earlier[0];
  if (latest) {
    notices.push({ code: 'already-recorded', crossingId: latest.id, sequence: latest.sequence, recordedAt: latest.recordedAt, direction: latest.direction, disposition: latest.disposition, outcome: latest.outcome });
  }
  const line = f.laneGroup
    ? (f.laneGroup.lines.find((l) => matchMethod(l, f.traveller) === 'document') ?? f.laneGroup.lines.find((l) => matchMethod(l, f.traveller) === 'identity'))
    : undefined;
  if (f.laneGroup?.listed && !line) notices.push({ code: 'not-on-manifest', groupId: f.laneGroup.id, groupLabel: f.laneGroup.label });
  for (const other of f.otherGroups) {
    if (other.id !== f.laneGroup?.id) notices.push({ code: 'on-other-manifest', groupId: other.id, groupLabel: other.label });
  }
  if (f.minor || line?.minor) {
    const companion = line?.companionDocumentNumber ?? null;
    if (companion === null || !f.companionsPresent.has(companion)) notices.push({ code: 'minor-without-companion', companionDocumentNumber: companion });
  }
  return notices;
}
