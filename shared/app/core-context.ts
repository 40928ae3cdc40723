import type { StationStore } from '../node/db';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';

/** What every area's methods get from createCore: time, ids, storage, events, logging. */
export interface CoreContext {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly logger: Logger;
  readonly store: StationStore;
  readonly events: EventBus;
  readonly stationId: string;
  readonly appVersion: string;
  readonly startedAt: Date;
  readonly isClosed: () => boolean;
  /** Reports a failing event listener without disturbing the caller. */
  readonly onListenerError: (error: unknown) => void;
}
