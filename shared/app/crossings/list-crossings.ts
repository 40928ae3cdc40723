import type { z } from 'zod';
import { CoreFailure, type CrossingPage, type ListCrossingsInputSchema } from '../../contract';
import type { StationStore } from '../../node/db';

export function listCrossings(input: z.output<typeof ListCrossingsInputSchema>, store: StationStore): CrossingPage {
  const fromMs = input.from === undefined ? undefined : Date.parse(input.from);
  const toMs = input.to === undefined ? undefined : Date.parse(input.to);
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new CoreFailure('invalid-input', '"from" must not be later than "to".');
  }
  return store.listCrossings({
    limit: input.limit,
    ...(fromMs === undefined ? {} : { fromMs }),
    ...(toMs === undefined ? {} : { toMs }),
    ...(input.documentNumber === undefined ? {} : { documentNumber: input.documentNumber }),
    ...(input.beforeSequence === undefined ? {} : { beforeSequence: input.beforeSequence }),
  });
}
