import type { CoreEvent } from '../../shared/contract';

/** What a screen's data depends on. A core event touches at most one topic; screens reload on the topics they show. */
export type CoreTopic = 'crossings' | 'alerts' | 'groups' | 'pairings' | 'session' | 'setup' | 'exports';

/** The topic an event touches; null for events that change no stored data (scanner lights, progress, scans). */
export function eventTopic(event: CoreEvent): CoreTopic | null {
  if (event.type === 'crossing-recorded') return 'crossings';
  if (event.type === 'log-changed') return event.what;
  return null;
}

/**
 * The log's changes that move a traveller's state: a new crossing, and corrections, admissions, refusals and
 * overrides (the core reports those as pairings and alerts changing).
 */
export const LOG_TOPICS: readonly CoreTopic[] = ['crossings', 'pairings', 'alerts', 'groups'];
