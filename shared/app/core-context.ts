import type { CrossingLogStore, StationStore } from '../node/db';
import type { PinHashCost, StationKey } from '../node/keys';
import type { ManifestReadLimits } from '../node/manifest';
import type { Session } from './auth/session';
import type { SignInGuard } from './auth/sign-in-guard';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';

/** What every area's methods get from createCore: time, ids, storage, events, logging. */
export interface CoreContext {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly logger: Logger;
  readonly store: StationStore;
  /** The repositories (operators, corridors, groups, pairing, alerts, overrides, corrections) on the same database; `logger` is for diagnostics. */
  readonly repos: CrossingLogStore;
  /** scrypt cost of the PIN hashes this core writes (a stored hash carries its own). */
  readonly pinHashCost: PinHashCost;
  /** Who is signed in at this lane (one person at a time). */
  readonly session: Session;
  /** Wrong sign-ins the operators table does not hold: unknown names, the station's backoff, lock-out history. */
  readonly signInGuard: SignInGuard;
  /** Idle time after which the session ends (0: never). */
  /** Changed at run time by `setIdleSignOut`; the idle timer reads it on every tick. */
  idleSignOutMs: number;
  /** Time and heap of the thread that reads a manifest file (defaults: 2 minutes, 512 MB). */
  readonly manifestReadLimits?: ManifestReadLimits;
  /** Signs group files and export bundles; the private key never leaves the core. */
  readonly stationKey: StationKey;
  readonly events: EventBus;
  readonly stationId: string;
  readonly appVersion: string;
  readonly startedAt: Date;
  readonly isClosed: () => boolean;
  /** Reports a failing event listener without disturbing the caller. */
  readonly onListenerError: (error: unknown) => void;
}
