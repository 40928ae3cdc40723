import { err, ok, type Result } from '../../result';
import { validateCorridorChain, type CorridorChain } from './chain';

export const CORRIDOR_PACKAGE_FORMAT = 'checkpoint-central/corridor';

/** A corridor as the hub publishes it to stations: the chain its administrators registered, with its version. */
export interface CorridorPackage {
  readonly format: typeof CORRIDOR_PACKAGE_FORMAT;
  readonly version: 1;
  readonly corridor: { readonly name: string; readonly version: number; readonly chain: CorridorChain };
}

/** A station's corridor (its two ends, the whole time allowed between them) as the station stores it. */
export interface StationCorridor {
  readonly id: string;
  readonly name: string;
  readonly entryCheckpointId: string;
  readonly exitCheckpointId: string;
  readonly expectedTransitMinutes: number;
  readonly maxTransitMinutes: number;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * The corridor a station at `checkpointId` keeps for a chain, so that what it records reads back onto the chain
 * (`stepOf`): at either end of the chain, the whole chain (Zhibek Zholy records travellers coming into the corridor
 * as `entry`, the Tajik Oybek those leaving it as `exit`); between them, the stretch of the chain in the station's
 * own country (Yallama → the Uzbek Oybek), whose entry and exit are that border's. Null when the checkpoint is not
 * on the chain, or is a lone step between the ends (nothing the station's two-ended corridor can say).
 */
export function stationCorridorOf(chain: CorridorChain, name: string, checkpointId: string): StationCorridor | null {
  const at = chain.steps.findIndex((s) => s.checkpointId === checkpointId);
  if (at < 0) return null;
  const last = chain.steps.length - 1;
  let from = 0;
  let to = last;
  if (at !== 0 && at !== last) {
    const country = chain.steps[at]!.country;
    from = at;
    to = at;
    while (from > 1 && chain.steps[from - 1]!.country === country) from -= 1;
    while (to < last - 1 && chain.steps[to + 1]!.country === country) to += 1;
    if (from === to || chain.steps[from]!.direction !== 'entry' || chain.steps[to]!.direction !== 'exit') return null;
  }
  const legs = chain.legs.slice(from, to);
  return {
    id: chain.id,
    name,
    entryCheckpointId: chain.steps[from]!.checkpointId,
    exitCheckpointId: chain.steps[to]!.checkpointId,
    expectedTransitMinutes: sum(legs.map((l) => l.expectedMinutes)),
    maxTransitMinutes: sum(legs.map((l) => l.maxMinutes)),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a corridor package's content (JSON text) and checks the chain as the hub did when it was saved. */
export function parseCorridorPackage(text: string): Result<CorridorPackage, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err('it is not JSON');
  }
  if (!isObject(value) || value.format !== CORRIDOR_PACKAGE_FORMAT || value.version !== 1 || !isObject(value.corridor)) return err(`it is not a ${CORRIDOR_PACKAGE_FORMAT} file`);
  const { name, version, chain } = value.corridor;
  if (typeof name !== 'string' || typeof version !== 'number' || !isObject(chain) || typeof chain.id !== 'string' || !Array.isArray(chain.steps) || !Array.isArray(chain.legs)) {
    return err('the corridor needs a name, a version and a chain of steps and legs');
  }
  const steps = chain.steps.map((s: unknown) =>
    isObject(s) && typeof s.checkpointId === 'string' && typeof s.country === 'string' && (s.direction === 'entry' || s.direction === 'exit')
      ? { checkpointId: s.checkpointId, country: s.country, direction: s.direction }
      : null,
  );
  const legs = chain.legs.map((l: unknown) => (isObject(l) && typeof l.expectedMinutes === 'number' && typeof l.maxMinutes === 'number' ? { expectedMinutes: l.expectedMinutes, maxMinutes: l.maxMinutes } : null));
  if (steps.some((s) => s === null) || legs.some((l) => l === null)) return err('a step or a leg of the chain is not well formed');
  const valid = validateCorridorChain({ id: chain.id, steps: steps as CorridorChain['steps'], legs: legs as CorridorChain['legs'] });
  if (!valid.ok) return err(valid.error.message);
  return ok({ format: CORRIDOR_PACKAGE_FORMAT, version: 1, corridor: { name, version, chain: valid.value } });
}

/** The package content the hub publishes for a corridor. */
export const corridorPackageContent = (corridor: CorridorPackage['corridor']): string => JSON.stringify({ format: CORRIDOR_PACKAGE_FORMAT, version: 1, corridor });
